// "Score threshold crossed" alerts, folded from events written through the real ingest path into a real
// control database with a real webhook subscribed: one outbox row per crossing, none while the score stays
// above, one for an account (named) rather than for each of its people.
import { eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { registerDemos } from "@/lib/demos/registry";
import { catchUpInsights } from "@/lib/insights/fold";
import { crossedThreshold } from "@/lib/insights/score-alerts";
import { alertThreshold, halfLifeDays } from "@/lib/insights/score-weights";
import { closeAllSandboxes } from "@/lib/sandbox/handles";
import { newId } from "@/lib/sandbox/ids";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { signalBatchSchema } from "@/lib/signals/event-schema";
import { ingestBatch } from "@/lib/signals/ingest";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s, t } from "../control-plane";

const demo = "pipeline-basics";
const dayMs = 86_400_000;

beforeAll(async () => {
  await migrateControlPlane();
  await registerDemos();
  await s.run(
    s.db
      .insert(t.webhooks)
      .values({ id: "hook-1", url: "https://hooks.example/score", format: "json", events: ["score.crossed"], secret: "s".repeat(32) }),
  );
});
afterAll(() => closeAllSandboxes());

async function arrive(accountId?: string): Promise<{ visitorId: string; sandboxId?: string | undefined }> {
  const visitorId = newId();
  await touchVisitor(visitorId, { client: { browser: "Firefox", os: "Windows", device: "desktop", bot: false } });
  if (accountId) await s.run(s.db.update(t.visitors).set({ accountId }).where(eq(t.visitors.id, visitorId)));
  return { visitorId, sandboxId: (await provisionSandbox(visitorId, demo))?.id };
}

async function act(who: { visitorId: string; sandboxId?: string }, types: string[]): Promise<void> {
  const now = Date.now();
  const events = types.map((type, index) => ({ id: uuidv7(), at: now - 1_000 + index, demo, type }));
  await ingestBatch(signalBatchSchema.parse({ sandbox: who.sandboxId, events }), { visitorId: who.visitorId, linkIdentity: true });
  await catchUpInsights();
}

const alerts = async () =>
  (await s.all(s.db.select().from(t.webhookOutbox).where(eq(t.webhookOutbox.kind, "score.crossed")))).map(
    (row) => row.payload as { text: string; data: Record<string, unknown> },
  );

describe("score threshold crossed", () => {
  it("enqueues one alert when a visitor's score rises over the threshold, and none while it stays above", async () => {
    const prospect = await arrive();
    await act(prospect, ["demo.viewed", "tour.started"]);
    expect(await alerts()).toHaveLength(0);

    await act(prospect, ["tour.finished", "handraise"]); // +30 +50: 80 ≥ 60
    const [alert, ...others] = await alerts();
    expect(others).toHaveLength(0);
    expect(alert?.data).toMatchObject({
      who: "visitor",
      id: prospect.visitorId,
      score: 80,
      threshold: alertThreshold,
      journey: `/sales/visitors/${prospect.visitorId}`,
    });
    expect(alert?.data.reasons).toEqual([
      { text: "finished the tour", points: 30 },
      { text: "raised a hand", points: 50 },
    ]);
    expect(alert?.text).toContain("finished the tour +30 · raised a hand +50");

    await act(prospect, ["cta.clicked", "tour.choice"]); // still above: no second alert
    expect(await alerts()).toHaveLength(1);
  });

  it("alerts once for an account, by name, when its people together cross it — not for each person", async () => {
    await s.run(s.db.insert(t.accounts).values({ id: "acct-hooli", name: "Hooli" }));
    const first = await arrive("acct-hooli");
    const second = await arrive("acct-hooli");
    await act(first, ["demo.viewed", "tour.finished", "tour.choice"]); // 30 + 5: 35
    expect(await alerts()).toHaveLength(1);
    await act(second, ["demo.viewed", "tour.choice"]); // sums + a colleague: 30 + 10 + 15 = 55
    expect(await alerts()).toHaveLength(1);
    await act(second, ["cta.clicked"]); // + 20: 75
    const accountAlerts = (await alerts()).filter((alert) => alert.data.who === "account");
    expect(accountAlerts).toHaveLength(1);
    expect(accountAlerts[0]?.data).toMatchObject({ id: "acct-hooli", name: "Hooli", journey: "/sales/accounts/acct-hooli/journey" });
    expect(accountAlerts[0]?.text).toMatch(/^Hooli crossed a score of 60/);
    expect((await alerts()).filter((alert) => alert.data.id === first.visitorId || alert.data.id === second.visitorId)).toHaveLength(0);
  });

  it("counts a crossing again only after the score decayed below the threshold", () => {
    const start = Date.now();
    const high = { rawScore: 80, lastAt: start };
    expect(crossedThreshold(undefined, high, start)).toBe(true);
    expect(crossedThreshold(high, { rawScore: 90, lastAt: start + 1_000 }, start + 1_000)).toBe(false);
    // Two half-lives of silence: 80 reads as 20, and coming back with a little more crosses again.
    const later = start + 2 * halfLifeDays * dayMs;
    expect(crossedThreshold(high, { rawScore: 90, lastAt: later }, later)).toBe(true);
    // An old history folded late (a migration) is judged as it reads now: decayed, so no alert.
    expect(crossedThreshold(undefined, high, later)).toBe(false);
  });
});
