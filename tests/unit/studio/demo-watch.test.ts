// The dev reload: editing a demo file re-registers the demos and bumps the version pages poll; a file that
// fails validation keeps its demo's last good version for visitors and shows in the studio with file:line.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { registerDemos } from "@/lib/demos/registry";
import { installRuntime } from "@/lib/runtime/runtime";
import { studioDemoList } from "@/lib/studio/demo-list";
import { demoVersion } from "@/lib/studio/demo-version";
import { startDemoWatch } from "@/lib/studio/demo-watch";
import { s, t } from "../control-plane";
import { demoFolder, lineOf, shippedDemo } from "../demos/demo-folder";

const slug = "watched-demo";
const dir = demoFolder(slug, {});
const file = path.join(dir, slug, "demo.yaml");
let stop: () => void = () => {};

beforeAll(async () => {
  installRuntime({ demosDir: dir });
  await migrateControlPlane();
  await registerDemos();
  stop = startDemoWatch();
});
afterAll(() => {
  stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const registeredTitle = async () => (await s.one(s.db.select({ title: t.demos.title }).from(t.demos).where(eq(t.demos.slug, slug))))?.title;

it("says it is watching, so pages know to poll", () => {
  expect(demoVersion().watching).toBe(true);
});

it("re-registers an edited demo and bumps the version", async () => {
  const before = demoVersion().version;
  fs.writeFileSync(file, shippedDemo.replace(/^title: .*$/m, 'title: { en: "Pipeline, edited", de: Pipeline-Grundlagen }'));
  await vi.waitFor(() => expect(demoVersion().version).toBeGreaterThan(before), { timeout: 5_000 });
  expect(await registeredTitle()).toBe("Pipeline, edited");
});

it("keeps the last good version registered while a broken file shows its file:line in the studio", async () => {
  const before = demoVersion().version;
  const broken = shippedDemo.replace(/^title: .*$/m, 'tittle: { en: "Pipeline, broken", de: Pipeline-Grundlagen }');
  fs.writeFileSync(file, broken);
  await vi.waitFor(() => expect(demoVersion().version).toBeGreaterThan(before), { timeout: 5_000 });
  expect(await registeredTitle()).toBe("Pipeline, edited");
  const entry = (await studioDemoList()).find((demo) => demo.slug === slug);
  expect(entry?.registered).toBe(true);
  expect(entry?.problems).toContainEqual(
    expect.stringMatching(new RegExp(`${slug}/demo\\.yaml:${lineOf(broken, "tittle:")}:1 — .*did you mean "title"`)),
  );
});

it("stops watching when its cleanup runs", () => {
  stop();
  expect(demoVersion().watching).toBe(false);
});
