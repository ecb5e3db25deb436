// Funnels by source (issue #21): a visitor who started from a demo embedded in another site's page is folded
// into that site's rows, one who came straight here into the direct rows, and the funnel narrows to either.
// Real ingest into a real control database (SQLite, or PostgreSQL under `npm run test:unit:pg`), and a control
// plane from before the source column, migrated with its rows kept as direct visits.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane, migrationsFolder } from "@/db/control-plane";
import { openPostgresStore } from "@/db/dialects/postgres/store";
import { openSqliteStore } from "@/db/dialects/sqlite/store";
import { registerDemos } from "@/lib/demos/registry";
import { catchUpInsights } from "@/lib/insights/fold";
import { parseSourceFilter } from "@/lib/insights/funnel-sources";
import { demoFunnel } from "@/lib/insights/funnels";
import { runtime } from "@/lib/runtime/runtime";
import { closeAllSandboxes } from "@/lib/sandbox/handles";
import { newId } from "@/lib/sandbox/ids";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { signalBatchSchema } from "@/lib/signals/event-schema";
import { ingestBatch } from "@/lib/signals/ingest";
import { funnelSplits } from "@/lib/studio/funnel-splits";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s, t } from "../control-plane";

const demo = "pipeline-basics";
const person = { browser: "Firefox", os: "Windows", device: "desktop" as const, bot: false };

/** The control plane as it was before funnel sources: this dialect's migrations up to the one that adds them. */
async function migrateToBeforeSources(): Promise<void> {
  const { config, paths } = runtime();
  const from = config.databaseUrl ? migrationsFolder.postgres() : migrationsFolder.sqlite();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  fs.cpSync(from, folder, { recursive: true });
  const journalFile = path.join(folder, "meta/_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const before = journal.entries.findIndex((entry) => entry.tag.endsWith("_funnel_sources"));
  expect(before).toBeGreaterThan(0);
  fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, before) }));
  const old = config.databaseUrl
    ? openPostgresStore({ url: config.databaseUrl, poolSize: 1, migrationsFolder: folder })
    : openSqliteStore(paths.control, { migrationsFolder: folder });
  try {
    await old.migrate();
    await old.execute(
      sql`insert into funnel_counts (demo_slug, persona, locale, stage, visitors) values ('retired-demo', '', 'en', 'viewed', 5)`,
    );
  } finally {
    await old.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** A visitor arriving (from an embed on `embeddedOn` when given) and sending `types` from their sandbox. */
async function visitor(types: string[], options: { embeddedOn?: string; persona?: "leader" } = {}): Promise<string> {
  const id = newId();
  await touchVisitor(id, { client: person, source: options.embeddedOn ? { embedded: options.embeddedOn, utm_source: "blog" } : undefined });
  const sandbox = await provisionSandbox(id, demo, options.persona ? { personalization: { persona: options.persona } } : {});
  const now = Date.now();
  const events = types.map((type, index) => ({
    id: uuidv7(),
    at: now - 1_000 + index,
    demo,
    type,
    step: type === "step.viewed" ? "welcome" : undefined,
  }));
  await ingestBatch(signalBatchSchema.parse({ sandbox: sandbox?.id, events }), { visitorId: id, linkIdentity: true });
  return id;
}

beforeAll(async () => {
  await migrateToBeforeSources();
  await migrateControlPlane();
  await registerDemos();
  await visitor(["demo.viewed", "tour.started", "step.viewed"]);
  await visitor(["demo.viewed"]);
  await visitor(["demo.viewed", "tour.started"], { embeddedOn: "https://www.example.com/pricing" });
  await visitor(["demo.viewed", "tour.started", "step.viewed"], { embeddedOn: "https://www.example.com/blog/launch", persona: "leader" });
  await visitor(["demo.viewed"], { embeddedOn: "http://partner.test:8080/demo" });
  await catchUpInsights();
});
afterAll(() => closeAllSandboxes());

const visitorsAt = (stages: { key: string; visitors: number }[] | undefined, key: string) =>
  stages?.find((stage) => stage.key === key)?.visitors;

describe("funnel counts by source", () => {
  it("keeps an older control plane's counts, as direct visits", async () => {
    const rows = await s.all(s.db.select().from(t.funnelCounts).where(eq(t.funnelCounts.demoSlug, "retired-demo")));
    expect(rows).toEqual([{ demoSlug: "retired-demo", persona: "", locale: "en", source: "", stage: "viewed", visitors: 5 }]);
  });

  it("folds each visitor into the row of the site that embedded the demo they started from, or the direct row", async () => {
    const rows = await s.all(s.db.select().from(t.funnelCounts).where(eq(t.funnelCounts.demoSlug, demo)));
    const counts = rows
      .map((row) => `${row.source || "direct"} ${row.persona || "-"} ${row.stage} ${row.visitors}`)
      .sort((a, b) => a.localeCompare(b));
    expect(counts).toEqual([
      "direct - started 1",
      "direct - step:welcome 1",
      "direct - viewed 2",
      "partner.test:8080 - viewed 1",
      "www.example.com - started 1",
      "www.example.com - viewed 1",
      "www.example.com leader started 1",
      "www.example.com leader step:welcome 1",
      "www.example.com leader viewed 1",
    ]);
  });

  it("splits the funnel by source and narrows it, splits and all, to direct visits, any embed or one site", async () => {
    const all = await demoFunnel(demo);
    expect(visitorsAt(all?.stages, "viewed")).toBe(5);
    expect(all?.sources).toEqual(["", "partner.test:8080", "www.example.com"]);
    expect(all?.bySource.map((split) => [split.label, visitorsAt(split.stages, "viewed"), visitorsAt(split.stages, "started")])).toEqual([
      ["Direct", 2, 1],
      ["Embedded on partner.test:8080", 1, 0],
      ["Embedded on www.example.com", 2, 2],
    ]);

    const direct = await demoFunnel(demo, { source: { kind: "direct" } });
    expect(visitorsAt(direct?.stages, "viewed")).toBe(2);
    expect(direct?.bySource.map((split) => split.label)).toEqual(["Direct"]);
    expect(direct?.sources).toEqual(all?.sources);

    const embedded = await demoFunnel(demo, { source: { kind: "embedded" } });
    expect(visitorsAt(embedded?.stages, "viewed")).toBe(3);
    expect(embedded?.byPersona.map((split) => [split.label, visitorsAt(split.stages, "viewed")])).toEqual([
      ["No role chosen", 2],
      ["Sales leader", 1],
    ]);

    const site = await demoFunnel(demo, { source: { kind: "host", host: "www.example.com" } });
    expect(site?.stages.map((stage) => stage.visitors).slice(0, 3)).toEqual([2, 2, 1]);
    const nobody = await demoFunnel(demo, { source: { kind: "host", host: "never.example" } });
    expect(visitorsAt(nobody?.stages, "viewed")).toBe(0);
  });

  it("gives the studio's split table a row per source, narrowed like the funnel", async () => {
    const rows = await funnelSplits(demo, ["welcome"]);
    expect(rows.filter((row) => row.kind === "source").map((row) => [row.label, row.opened, row.started, row.steps[0]])).toEqual([
      ["Direct", 2, 1, 1],
      ["Embedded on partner.test:8080", 1, 0, 0],
      ["Embedded on www.example.com", 2, 2, 1],
    ]);
    const direct = await funnelSplits(demo, ["welcome"], { kind: "direct" });
    expect(direct.map((row) => [row.kind, row.label, row.opened])).toEqual([
      ["all", "All visitors", 2],
      ["persona", "No role chosen", 2],
      ["locale", "Locale not reported", 2],
      ["source", "Direct", 2],
    ]);
  });
});

describe("the ?source= filter", () => {
  it("reads everyone, direct, embedded and a host, and refuses anything else in words", () => {
    expect(parseSourceFilter(undefined)).toEqual({ filter: { kind: "all" } });
    expect(parseSourceFilter("")).toEqual({ filter: { kind: "all" } });
    expect(parseSourceFilter("direct")).toEqual({ filter: { kind: "direct" } });
    expect(parseSourceFilter(["embedded", "direct"])).toEqual({ filter: { kind: "embedded" } });
    expect(parseSourceFilter("WWW.Example.com")).toEqual({ filter: { kind: "host", host: "www.example.com" } });
    expect(parseSourceFilter("partner.test:8080")).toEqual({ filter: { kind: "host", host: "partner.test:8080" } });
    for (const hostile of [
      "https://www.example.com/",
      "example.com/path",
      "user@example.com",
      "<script>alert(1)</script>",
      "example.com\u0000",
      "a".repeat(301),
      "example.com?x=1",
    ]) {
      const parsed = parseSourceFilter(hostile);
      expect(parsed.filter, hostile).toEqual({ kind: "all" });
      expect(parsed.error, hostile).toMatch(/must be direct, embedded, or the host of a site/);
    }
  });
});
