import { eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { registerDemos } from "@/lib/demos/registry";
import { visitorJourney } from "@/lib/insights/journey";
import { listVisitors } from "@/lib/insights/visitors";
import { closeAllSandboxes } from "@/lib/sandbox/handles";
import { newId } from "@/lib/sandbox/ids";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { signalBatchSchema } from "@/lib/signals/event-schema";
import { ingestBatch } from "@/lib/signals/ingest";
import { touchVisitor, type VisitorClient } from "@/lib/visitors/visitor-record";
import { s, t } from "../control-plane";

beforeAll(async () => {
  await migrateControlPlane();
  await registerDemos();
});
afterAll(() => closeAllSandboxes());

const person: VisitorClient = { browser: "Firefox", os: "Windows", device: "desktop", bot: false };

async function visitorWith(types: string[], options: { webdriver?: boolean; client?: VisitorClient } = {}): Promise<string> {
  const id = newId();
  await touchVisitor(id, { client: options.client ?? person });
  const events = types.map((type) => ({ id: uuidv7(), type, at: Date.now(), demo: "pipeline-basics" }));
  if (events.length > 0)
    await ingestBatch(signalBatchSchema.parse({ events, webdriver: options.webdriver }), { visitorId: id, linkIdentity: true });
  return id;
}

const shown = async (includeBots = false) => new Set((await listVisitors({ includeBots })).map((visitor) => visitor.id));

describe("who reps see", () => {
  it("shows people, and hides known bots and automated browsers that never interacted", async () => {
    const reader = await visitorWith(["demo.viewed", "tour.started", "step.viewed"]);
    const crawler = await visitorWith(["demo.viewed", "tour.started", "step.viewed"], { webdriver: true });
    const robotThatClicks = await visitorWith(["demo.viewed", "tour.started", "step.completed"], { webdriver: true });
    const knownBot = await visitorWith(["demo.viewed"], { client: { browser: "Other", os: "Other", device: "bot", bot: true } });
    const arrivedOnly = await visitorWith([]);

    const visible = await shown();
    expect(visible.has(reader)).toBe(true);
    expect(visible.has(robotThatClicks)).toBe(true);
    expect(visible.has(arrivedOnly)).toBe(true);
    expect(visible.has(crawler)).toBe(false);
    expect(visible.has(knownBot)).toBe(false);

    const everyone = await shown(true);
    for (const id of [reader, crawler, robotThatClicks, knownBot, arrivedOnly]) expect(everyone.has(id)).toBe(true);
  });
});

describe("what reps see of the role a visitor chose", () => {
  const summaryOf = async (id: string) => (await listVisitors()).find((visitor) => visitor.id === id);

  it("counts the tour steps of the visitor's own branch, and names the role they picked", async () => {
    const leader = await visitorWith(["demo.viewed"]);
    await provisionSandbox(leader, "pipeline-basics", { personalization: { persona: "leader" } });
    const plain = await visitorWith(["demo.viewed"]);
    await provisionSandbox(plain, "pipeline-basics");

    expect(await summaryOf(leader)).toMatchObject({ demos: ["pipeline-basics"], personas: ["Sales leader"], stepsTotal: 8 });
    expect(await summaryOf(plain)).toMatchObject({ demos: ["pipeline-basics"], personas: [], stepsTotal: 7 });
    expect((await visitorJourney(leader))?.person?.tried).toEqual([{ demo: "Pipeline basics", persona: "Sales leader" }]);
  });

  it("follows a switch of role, and never shows more steps done than the branch has", async () => {
    const switcher = await visitorWith([]);
    await provisionSandbox(switcher, "pipeline-basics", { personalization: { persona: "leader" } });
    const steps = ["welcome", "board", "total", "coach", "create-deal", "move-stage", "back-to-board", "human", "next-move"];
    const events = steps.map((step) => ({ id: uuidv7(), type: "step.completed", at: Date.now(), demo: "pipeline-basics", step }));
    await ingestBatch(signalBatchSchema.parse({ events }), { visitorId: switcher, linkIdentity: true });
    await provisionSandbox(switcher, "pipeline-basics", { personalization: { persona: "rep" } });

    expect(await summaryOf(switcher)).toMatchObject({ personas: ["Account executive"], stepsCompleted: 8, stepsTotal: 8 });
  });

  it("counts a demo's steps afresh once its source changes (the lengths are kept per demo version)", async () => {
    const visitor = await visitorWith(["demo.viewed"]);
    await provisionSandbox(visitor, "pipeline-basics");
    expect(await summaryOf(visitor)).toMatchObject({ stepsTotal: 7 });
    const { demos } = t;
    const [row] = await s.all(
      s.db.select({ definition: demos.definition, hash: demos.sourceHash }).from(demos).where(eq(demos.slug, "pipeline-basics")),
    );
    if (!row) throw new Error("pipeline-basics is not registered");
    try {
      // The marketer cut the tour to two plain steps, shown to everyone, and no other path.
      const steps = row.definition.steps.filter((step) => step.kind !== "choice" && !step.personas && !step.then).slice(0, 2);
      const shorter = { ...row.definition, steps, paths: undefined };
      await s.run(s.db.update(demos).set({ definition: shorter, sourceHash: "edited" }).where(eq(demos.slug, "pipeline-basics")));
      expect(await summaryOf(visitor)).toMatchObject({ stepsTotal: 2 });
    } finally {
      await s.run(s.db.update(demos).set({ definition: row.definition, sourceHash: row.hash }).where(eq(demos.slug, "pipeline-basics")));
    }
    expect(await summaryOf(visitor)).toMatchObject({ stepsTotal: 7 });
  });
});
