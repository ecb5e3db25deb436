import { eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { lookUpForIngest, storeEventBatches } from "@/db/queries/events";
import { newId } from "@/lib/sandbox/ids";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { signalBatchSchema } from "@/lib/signals/event-schema";
import { clampEventTime, ingestBatch } from "@/lib/signals/ingest";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s, t } from "../control-plane";

beforeAll(() => migrateControlPlane());

const now = new Date("2026-06-01T12:00:00Z");
const event = (overrides: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  type: "step.viewed",
  at: now.getTime() - 1000,
  demo: "pipeline-basics",
  step: "board",
  stepIndex: 1,
  ...overrides,
});

describe("signal validation", () => {
  it("accepts a well-formed batch", () => {
    expect(signalBatchSchema.safeParse({ events: [event()] }).success).toBe(true);
  });

  it.each([
    ["an unknown type", { type: "page.hacked" }],
    ["a non-UUID id", { id: "1234" }],
    ["a negative time", { at: -5 }],
    ["a path-like demo", { demo: "../etc" }],
    ["an unknown action", { type: "sandbox.action", action: "db.dropped" }],
    ["oversized props", { props: Object.fromEntries(Array.from({ length: 11 }, (_, index) => [`k${index}`, 1])) }],
    ["a long prop value", { props: { note: "x".repeat(201) } }],
  ])("rejects %s", (_label, overrides) => {
    expect(signalBatchSchema.safeParse({ events: [event(overrides)] }).success).toBe(false);
  });

  it("rejects empty and oversized batches", () => {
    expect(signalBatchSchema.safeParse({ events: [] }).success).toBe(false);
    expect(signalBatchSchema.safeParse({ events: Array.from({ length: 101 }, () => event()) }).success).toBe(false);
  });

  it("drops unknown fields", () => {
    const parsed = signalBatchSchema.parse({ events: [event({ ip: "1.2.3.4" })] });
    expect(parsed.events[0]).not.toHaveProperty("ip");
  });
});

describe("signal ingestion", () => {
  it("stores a retried batch once", async () => {
    const visitor = newId();
    await touchVisitor(visitor);
    const batch = signalBatchSchema.parse({ events: [event(), event({ type: "step.completed" })] });
    expect((await ingestBatch(batch, { visitorId: visitor, linkIdentity: true, now })).stored).toBe(2);
    expect((await ingestBatch(batch, { visitorId: visitor, linkIdentity: true, now })).stored).toBe(0);
    const stored = await s.all(s.db.select().from(t.events).where(eq(t.events.visitorId, visitor)));
    expect(stored).toHaveLength(2);
  });

  it("clamps times from the future and from long ago", () => {
    const at = now.getTime();
    expect(clampEventTime(at + 60_000, at)).toBe(at);
    expect(clampEventTime(at - 3 * 86_400_000, at)).toBe(at - 86_400_000);
    expect(clampEventTime(at - 5_000, at)).toBe(at - 5_000);
  });

  it("links a sandbox only when it belongs to the caller", async () => {
    const owner = newId();
    const stranger = newId();
    await touchVisitor(owner);
    await touchVisitor(stranger);
    const sandbox = await provisionSandbox(owner, "pipeline-basics");
    const mine = signalBatchSchema.parse({ sandbox: sandbox.id, events: [event()] });
    const theirs = signalBatchSchema.parse({ sandbox: sandbox.id, events: [event()] });
    await ingestBatch(mine, { visitorId: owner, linkIdentity: true, now });
    await ingestBatch(theirs, { visitorId: stranger, linkIdentity: true, now });
    const mineRow = await s.one(
      s.db
        .select()
        .from(t.events)
        .where(eq(t.events.id, mine.events[0]?.id ?? "")),
    );
    const theirsRow = await s.one(
      s.db
        .select()
        .from(t.events)
        .where(eq(t.events.id, theirs.events[0]?.id ?? "")),
    );
    expect(mineRow?.sandboxId).toBe(sandbox.id);
    expect(theirsRow?.sandboxId).toBeNull();
    expect(theirsRow?.visitorId).toBe(stranger);
  });

  it("stores no visitor or sandbox linkage when the browser asks not to be tracked", async () => {
    const visitor = newId();
    await touchVisitor(visitor);
    const sandbox = await provisionSandbox(visitor, "pipeline-basics");
    const batch = signalBatchSchema.parse({ sandbox: sandbox.id, events: [event()] });
    await ingestBatch(batch, { visitorId: visitor, linkIdentity: false, now });
    const row = await s.one(
      s.db
        .select()
        .from(t.events)
        .where(eq(t.events.id, batch.events[0]?.id ?? "")),
    );
    expect(row).toMatchObject({ visitorId: null, sandboxId: null, type: "step.viewed", demoSlug: "pipeline-basics" });
  });
});

describe("ingest's look-ups and groups, many at once", () => {
  it("answers each of many look-ups asked together for its own visitor and sandbox", async () => {
    // On PostgreSQL the look-ups of one turn of the event loop are one query: each must get its own row back.
    const owner = newId();
    const stranger = newId();
    const privateOne = newId();
    await touchVisitor(owner);
    await touchVisitor(stranger, { client: { browser: "Chrome", os: "Linux", device: "desktop", bot: true, doNotTrack: false } });
    await touchVisitor(privateOne, { client: { browser: "Chrome", os: "Linux", device: "desktop", bot: false, doNotTrack: true } });
    const sandbox = await provisionSandbox(owner, "pipeline-basics");
    const asked = await Promise.all([
      lookUpForIngest(owner, sandbox.id),
      lookUpForIngest(stranger, sandbox.id),
      lookUpForIngest(newId(), sandbox.id),
      lookUpForIngest(undefined, undefined),
      lookUpForIngest(privateOne, undefined),
      lookUpForIngest(owner, sandbox.id),
    ]);
    expect(asked).toEqual([
      { visitor: { bot: false, doNotTrack: false }, sandboxOwned: true, preview: false },
      { visitor: { bot: true, doNotTrack: false }, sandboxOwned: false, preview: false },
      { visitor: undefined, sandboxOwned: false, preview: false },
      { visitor: undefined, sandboxOwned: false, preview: false },
      { visitor: { bot: false, doNotTrack: true }, sandboxOwned: false, preview: false },
      { visitor: { bot: false, doNotTrack: false }, sandboxOwned: true, preview: false },
    ]);
  });

  it("stores nothing of a group whose write fails, and the next groups are stored", async () => {
    const visitor = newId();
    await touchVisitor(visitor);
    const at = Date.now();
    const batch = (type: string) => ({
      visitorId: visitor,
      bot: false,
      receivedAt: at,
      events: [
        { id: uuidv7(), type, demoSlug: "pipeline-basics", stepId: "board", stepIndex: 1, action: null, props: null, occurredAt: at },
      ],
    });
    const good = batch("step.viewed");
    // A type is required: this event fails the group's insert, on either database.
    await expect(storeEventBatches([good, batch(null as unknown as string)])).rejects.toThrow();
    expect(await s.all(s.db.select().from(t.events).where(eq(t.events.visitorId, visitor)))).toEqual([]);
    expect(await s.all(s.db.select().from(t.visitorSessions).where(eq(t.visitorSessions.visitorId, visitor)))).toEqual([]);
    // More groups than the pool has connections: none is left inside the failed transaction.
    for (let round = 0; round < 12; round++) {
      expect(await storeEventBatches([round === 0 ? good : batch("step.viewed")])).toEqual([{ stored: 1 }]);
    }
    const stored = await s.all(s.db.select().from(t.events).where(eq(t.events.visitorId, visitor)));
    expect(stored).toHaveLength(12);
    expect(new Set(stored.map((row) => row.sessionId)).size).toBe(1);
  });
});

describe("a visitor who arrived with Global Privacy Control", () => {
  it("stays unlinked even when a later request (a beacon) does not repeat the signal", async () => {
    const visitor = newId();
    await touchVisitor(visitor, { client: { browser: "Chrome", os: "Linux", device: "desktop", bot: false, doNotTrack: true } });
    const batch = signalBatchSchema.parse({ events: [event()] });
    await ingestBatch(batch, { visitorId: visitor, linkIdentity: true, now });
    const row = await s.one(
      s.db
        .select()
        .from(t.events)
        .where(eq(t.events.id, batch.events[0]?.id ?? "")),
    );
    expect(row).toMatchObject({ visitorId: null, sandboxId: null, sessionId: null });
  });
});
