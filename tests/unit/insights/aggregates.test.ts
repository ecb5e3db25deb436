// The aggregates the rep pages read, folded from events written through the real ingest path into a real
// control database: hot list order and reasons, accounts with colleagues, filters, the funnel's counts
// against a hand-checked fixture, and the CSV stream.
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { registerDemos } from "@/lib/demos/registry";
import { csvExportStream } from "@/lib/insights/export-csv";
import { catchUpInsights } from "@/lib/insights/fold";
import { demoFunnel } from "@/lib/insights/funnels";
import { hotList } from "@/lib/insights/hot-list";
import { type HotListFilters, hotListFilterSchema } from "@/lib/insights/hot-list-filters";
import { accountJourney, visitorJourney } from "@/lib/insights/journey";
import { formatReasons } from "@/lib/insights/score";
import { closeAllSandboxes } from "@/lib/sandbox/handles";
import { newId } from "@/lib/sandbox/ids";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { signalBatchSchema } from "@/lib/signals/event-schema";
import { ingestBatch } from "@/lib/signals/ingest";
import { touchVisitor, type VisitorClient } from "@/lib/visitors/visitor-record";
import { s, t } from "../control-plane";

const demo = "pipeline-basics";
const person: VisitorClient = { browser: "Firefox", os: "Windows", device: "desktop", bot: false };

beforeAll(async () => {
  await migrateControlPlane();
  await registerDemos();
});
afterAll(() => closeAllSandboxes());

type Step = { type: string; step?: string; action?: string; props?: Record<string, string | number> };

/** A visitor arriving (optionally as a persona, optionally for an account) and doing `steps` in order. */
async function visitor(
  steps: Step[],
  options: { persona?: "leader" | "rep"; accountId?: string; webdriver?: boolean } = {},
): Promise<string> {
  const id = newId();
  await touchVisitor(id, { client: person });
  if (options.accountId) await s.run(s.db.update(t.visitors).set({ accountId: options.accountId }).where(eq(t.visitors.id, id)));
  const sandbox = await provisionSandbox(id, demo, options.persona ? { personalization: { persona: options.persona } } : {});
  const browserEvents = steps.filter((step) => step.type !== "sandbox.action");
  const now = Date.now();
  const events = browserEvents.map((step, index) => ({
    id: uuidv7(),
    at: now - 1_000 + index,
    demo,
    type: step.type,
    step: step.step,
    props: step.props,
  }));
  if (events.length > 0)
    await ingestBatch(signalBatchSchema.parse({ sandbox: sandbox?.id, events, webdriver: options.webdriver }), {
      visitorId: id,
      linkIdentity: true,
    });
  // Sandbox actions are the server's to record, as lib/signals/record-action.ts does on commit.
  const actions = steps.filter((step) => step.type === "sandbox.action");
  if (actions.length > 0)
    await ingestBatch(
      {
        sandbox: sandbox?.id,
        events: actions.map((step) => ({
          id: uuidv7(),
          type: "sandbox.action",
          at: now,
          demo,
          action: step.action as "deal.created",
          props: step.props,
        })),
      },
      { visitorId: id, linkIdentity: true },
    );
  return id;
}

const filters = (raw: Record<string, string> = {}): HotListFilters => hotListFilterSchema.parse(raw);
const entries = async (raw: Record<string, string> = {}, userId?: string) => {
  const result = await hotList(filters(raw), { userId, limit: 500 });
  if (!result.ok) throw new Error(result.error);
  return result.list.entries;
};

let viewer = "";
let doer = "";
beforeAll(async () => {
  viewer = await visitor([{ type: "demo.viewed" }]);
  doer = await visitor([
    { type: "demo.viewed" },
    { type: "tour.started" },
    { type: "step.viewed", step: "welcome" },
    { type: "step.completed", step: "welcome" },
    { type: "sandbox.action", action: "deal.created", props: { deal: "Globex renewal", amount: 40_000 } },
    { type: "handraise" },
  ]);
});

describe("the hot list", () => {
  it("ranks a prospect who created a deal and raised a hand above one who only looked, with the reasons", async () => {
    const list = await entries();
    const doerAt = list.findIndex((entry) => entry.id === doer);
    const viewerAt = list.findIndex((entry) => entry.id === viewer);
    expect(doerAt).toBeGreaterThanOrEqual(0);
    expect(viewerAt).toBeGreaterThan(doerAt);
    expect(formatReasons(list[doerAt]?.reasons ?? [])).toBe("1 tour step +2 · created a deal +8 · raised a hand +50");
    expect(list[doerAt]?.score).toBe(60);
    expect(list[viewerAt]?.reasons).toEqual([]);
  });

  it("narrows by hand-raised, by role chosen and by date, and refuses an unknown demo in words", async () => {
    expect((await entries({ hand: "1" })).map((entry) => entry.id)).toContain(doer);
    expect((await entries({ hand: "1" })).map((entry) => entry.id)).not.toContain(viewer);
    const leader = await visitor([{ type: "demo.viewed" }, { type: "tour.started" }], { persona: "leader" });
    expect((await entries({ persona: "leader" })).map((entry) => entry.id)).toEqual([leader]);
    expect(await entries({ to: "2020-01-01" })).toEqual([]);
    expect(await hotList(filters({ demo: "no-such-demo" }))).toEqual({ ok: false, error: "demo: there is no demo named “no-such-demo”" });
  });

  it("leaves out automated browsers that never interacted", async () => {
    const scanner = await visitor([{ type: "demo.viewed" }, { type: "step.viewed", step: "welcome" }], { webdriver: true });
    expect((await entries()).map((entry) => entry.id)).not.toContain(scanner);
  });

  it("ranks an account as one row with its people as colleagues, and 'mine' keeps the signed-in rep's accounts", async () => {
    const now = new Date();
    await s.run(s.db.insert(t.user).values({ id: "rep-1", name: "Ada", email: "ada@example.test", createdAt: now, updatedAt: now }));
    await s.run(s.db.insert(t.accounts).values({ id: "acct-globex", name: "Globex", ownerUserId: "rep-1" }));
    await s.run(s.db.insert(t.accounts).values({ id: "acct-initech", name: "Initech" }));
    const first = await visitor([{ type: "demo.viewed" }, { type: "tour.finished" }], { accountId: "acct-globex" });
    await visitor([{ type: "demo.viewed" }, { type: "sandbox.action", action: "deal.created", props: { deal: "Big one" } }], {
      accountId: "acct-globex",
    });
    await visitor([{ type: "demo.viewed" }, { type: "handraise" }], { accountId: "acct-globex" });
    // A mail scanner opening the link: an ordinary user agent, but it never interacts.
    await visitor([{ type: "demo.viewed" }], { accountId: "acct-globex" });
    await visitor([{ type: "demo.viewed" }, { type: "step.completed", step: "welcome" }], { accountId: "acct-initech" });

    const globex = (await entries()).find((entry) => entry.id === "acct-globex");
    expect(globex).toMatchObject({ kind: "account", people: 3 });
    expect(formatReasons(globex?.reasons ?? [])).toBe("finished the tour +30 · created a deal +8 · raised a hand +50 · 2 colleagues +25");
    expect((await entries()).some((entry) => entry.id === first)).toBe(false);
    expect((await entries({ mine: "1" }, "rep-1")).map((entry) => entry.id)).toEqual(["acct-globex"]);
    expect((await entries({ who: "anonymous" })).every((entry) => entry.kind === "visitor")).toBe(true);

    const journey = await accountJourney("acct-globex");
    expect(journey?.people.map((found) => found.number)).toEqual([1, 2, 3]);
    const lines = journey?.visits.flatMap((visit) => visit.items.map((item) => `Visitor ${item.person}: ${item.text}`)) ?? [];
    expect(lines).toContain("Visitor 2: In the product: created deal ‘Big one’");
  });
});

describe("journeys", () => {
  it("tells a choice with the step's question and a created deal with what it was", async () => {
    const chooser = await visitor([
      { type: "demo.viewed" },
      { type: "tour.choice", step: "board", props: { option: "forecast", label: "Forecast" } },
      { type: "tour.navigated", step: "board", props: { route: "/forecast" } },
      { type: "cta.clicked", props: { url: "https://example.com/book" } },
      { type: "step.target_missing", step: "total", props: { viewport: "mobile" } },
      { type: "sandbox.action", action: "deal.created", props: { deal: "Globex renewal", amount: 40_000 } },
    ]);
    const texts = (await visitorJourney(chooser))?.visits.flatMap((visit) => visit.items.map((item) => item.text));
    expect(texts).toEqual(
      expect.arrayContaining([
        "Answered ‘Every deal, by stage’ → Forecast",
        "The tour took them to /forecast",
        "Followed the call to action to https://example.com/book",
        "Tour step “total” could not find its target (mobile)",
        "In the product: created deal ‘Globex renewal’ $40k",
      ]),
    );
  });
});

describe("a demo's funnel", () => {
  it("counts each visitor once per stage, with the drop-off, split by role and locale (hand-checked)", async () => {
    const before = await demoFunnel(demo);
    const count = (funnel: typeof before, key: string) =>
      [...(funnel?.stages ?? []), ...(funnel?.outcomes ?? [])].find((stage) => stage.key === key)?.visitors ?? 0;
    // Hand-checked: A opens only; B starts and sees two steps; C (leader, de) finishes and raises a hand
    // twice (counted once); D sees a step twice (counted once) and clicks the CTA.
    await visitor([{ type: "demo.viewed" }]);
    await visitor([
      { type: "demo.viewed" },
      { type: "tour.started" },
      { type: "step.viewed", step: "welcome" },
      { type: "step.viewed", step: "board" },
    ]);
    await visitor(
      [
        { type: "demo.viewed", props: { locale: "de" } },
        { type: "tour.started" },
        { type: "step.viewed", step: "welcome" },
        { type: "step.viewed", step: "board" },
        { type: "tour.finished" },
        { type: "handraise" },
        { type: "handraise" },
      ],
      { persona: "leader" },
    );
    await visitor([
      { type: "demo.viewed" },
      { type: "tour.started" },
      { type: "step.viewed", step: "welcome" },
      { type: "step.viewed", step: "welcome" },
      { type: "cta.clicked" },
    ]);
    // An automated browser counts once it interacts, from its first event; a scanner that never does is not counted.
    await visitor([{ type: "demo.viewed" }, { type: "tour.started" }, { type: "step.completed", step: "welcome" }], { webdriver: true });
    await visitor([{ type: "demo.viewed" }, { type: "step.viewed", step: "welcome" }], { webdriver: true });
    const after = await demoFunnel(demo);
    const added = (key: string) => count(after, key) - count(before, key);
    expect({
      viewed: added("viewed"),
      started: added("started"),
      welcome: added("step:welcome"),
      board: added("step:board"),
      finished: added("finished"),
      handraise: added("handraise"),
      cta: added("cta"),
    }).toEqual({ viewed: 5, started: 4, welcome: 3, board: 2, finished: 1, handraise: 1, cta: 1 });
    const leader = after?.byPersona.find((split) => split.label === "Sales leader");
    expect(leader?.stages.find((stage) => stage.key === "finished")?.visitors).toBeGreaterThanOrEqual(1);
    expect(after?.byLocale.find((split) => split.label === "de")?.stages[0]?.visitors).toBe(1);
    const board = after?.stages.find((stage) => stage.key === "step:board");
    const welcome = after?.stages.find((stage) => stage.key === "step:welcome");
    expect(board?.dropOff).toBe((welcome?.visitors ?? 0) - (board?.visitors ?? 0));
  });
});

describe("catching up", () => {
  it("folds everything written so far, and a second catch-up finds nothing new", async () => {
    await catchUpInsights();
    expect(await catchUpInsights()).toEqual({ folded: 0, pending: 0 });
  });

  it("counts the events still to fold, and no further than asked when only 'more than n?' matters", async () => {
    const before = await s.special.newestEventCursor();
    const events = Array.from({ length: 5 }, () => ({ id: uuidv7(), type: "demo.viewed", at: Date.now(), demo: "pipeline-basics" }));
    await ingestBatch(signalBatchSchema.parse({ events }), { visitorId: undefined, linkIdentity: false });
    expect(await s.special.eventsPendingAfter(before)).toBe(5);
    expect(await s.special.eventsPendingAfter(before, 2)).toBe(2);
    expect(await catchUpInsights({ maxEvents: 3, chunk: 3 })).toEqual({ folded: 3, pending: 2 });
    expect(await catchUpInsights()).toEqual({ folded: 2, pending: 0 });
  });
});

describe("the CSV export", () => {
  it("streams every scored visitor with the header and the reasons column, parseable", async () => {
    const text = await new Response(await csvExportStream("visitors")).text();
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toContain("reasons");
    const row = rows.find((candidate) => candidate.visitor === doer);
    expect(row).toMatchObject({ reasons: "1 tour step +2 · created a deal +8 · raised a hand +50", hand_raised: "yes" });
    expect(rows.some((candidate) => candidate.visitor === viewer)).toBe(true);
  });

  it("streams accounts, and a cancelled download closes its connection", async () => {
    const rows = parse(await new Response(await csvExportStream("accounts")).text(), { columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.account_id === "acct-globex")).toMatchObject({ account: "Globex", people: "3" });
    const reader = (await csvExportStream("visitors")).getReader();
    await reader.read();
    await reader.cancel();
  });
});
