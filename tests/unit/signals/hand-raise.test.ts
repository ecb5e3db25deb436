// A hand-raise is a person's signal: one per raiser per hour is stored, put on the team's stream and alerted —
// however many a batch or a loop of batches carries — and none from a bot, a muted visitor or a request without a
// visitor cookie. GPC / Do-Not-Track visitors stay unlinked, so theirs count once per demo per hour. The claim is
// stored state: two connections to one database (two app nodes) cannot both count the same one.
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlDb, migrateControlDb } from "@/db/client";
import { events, handRaises, webhookOutbox, webhooks } from "@/db/control/schema";
import { postVisitorMessage, updateConversation } from "@/lib/conversations/conversations";
import { registerDemos } from "@/lib/demos/registry";
import { type LiveMessage, subscribeLive } from "@/lib/live/hub";
import { runtime } from "@/lib/runtime/runtime";
import { newId } from "@/lib/sandbox/ids";
import { signalBatchSchema } from "@/lib/signals/event-schema";
import { claimHandRaise, handRaiseWindowMs, pruneHandRaises } from "@/lib/signals/hand-raise";
import { type IngestContext, ingestBatch } from "@/lib/signals/ingest";
import { touchVisitor } from "@/lib/visitors/visitor-record";

const demo = "pipeline-basics";
const person = { browser: "Firefox", os: "Linux", device: "desktop" as const, bot: false };
let heard: LiveMessage[] = [];
let stopListening = () => {};

beforeAll(() => {
  migrateControlDb();
  registerDemos();
  // Two receivers: each counted hand-raise queues one alert per webhook.
  for (const format of ["slack", "json"] as const) {
    controlDb()
      .insert(webhooks)
      .values({ id: newId(), url: `https://hooks.example/${format}`, format, events: ["handraise"], secret: "s" })
      .run();
  }
  stopListening = subscribeLive(["team"], undefined, (message) => {
    if (message.type === "handraise") heard.push(message);
  });
});
afterAll(() => stopListening());

function visitor(options: { bot?: boolean; doNotTrack?: boolean } = {}): string {
  const id = newId();
  touchVisitor(id, { client: { ...person, bot: options.bot ?? false, doNotTrack: options.doNotTrack ?? false } });
  return id;
}

const handRaises20 = (demoSlug = demo) =>
  signalBatchSchema.parse({
    events: Array.from({ length: 20 }, () => ({ id: uuidv7(), type: "handraise", at: Date.now(), demo: demoSlug })),
  });

/** What one batch of 20 hand-raises left behind: events stored, live events, alerts queued. */
function raise(context: IngestContext, demoSlug = demo) {
  heard = [];
  const alertsBefore = controlDb().select().from(webhookOutbox).all().length;
  const { stored } = ingestBatch(handRaises20(demoSlug), context);
  return { stored, live: heard.length, alerts: controlDb().select().from(webhookOutbox).all().length - alertsBefore };
}

describe("a hand-raise", () => {
  it("counts once from a batch of 20: one event, one live event for the team, one alert per webhook", () => {
    const visitorId = visitor();
    expect(raise({ visitorId, linkIdentity: true })).toEqual({ stored: 1, live: 1, alerts: 2 });
    expect(heard[0]?.payload).toMatchObject({ visitorId, demo });
  });

  it("counts once per visitor per hour, however many batches carry one, and again after the hour", () => {
    const visitorId = visitor();
    const at = new Date("2026-12-01T09:00:00Z");
    expect(raise({ visitorId, linkIdentity: true, now: at })).toEqual({ stored: 1, live: 1, alerts: 2 });
    for (const minutes of [1, 30, 59]) {
      expect(raise({ visitorId, linkIdentity: true, now: new Date(at.getTime() + minutes * 60_000) })).toEqual({
        stored: 0,
        live: 0,
        alerts: 0,
      });
    }
    expect(raise({ visitorId, linkIdentity: true, now: new Date(at.getTime() + handRaiseWindowMs) })).toEqual({
      stored: 1,
      live: 1,
      alerts: 2,
    });
    // Another visitor's hand is their own.
    expect(raise({ visitorId: visitor(), linkIdentity: true, now: at })).toMatchObject({ stored: 1 });
  });

  it("is never taken from a bot, nor without a visitor cookie", () => {
    expect(raise({ visitorId: undefined, linkIdentity: true, bot: true })).toEqual({ stored: 0, live: 0, alerts: 0 });
    expect(raise({ visitorId: undefined, linkIdentity: true, bot: false })).toEqual({ stored: 0, live: 0, alerts: 0 });
    expect(raise({ visitorId: visitor(), linkIdentity: true, bot: true })).toEqual({ stored: 0, live: 0, alerts: 0 });
    expect(raise({ visitorId: visitor({ bot: true }), linkIdentity: true })).toEqual({ stored: 0, live: 0, alerts: 0 });
  });

  it("is never taken from a visitor the team muted, linked or not", () => {
    for (const doNotTrack of [false, true]) {
      const visitorId = visitor({ doNotTrack });
      const asked = postVisitorMessage({ visitorId, body: "spam", clientAddress: "192.0.2.1", bot: false, noTracking: doNotTrack });
      if (!("thread" in asked)) throw new Error(asked.error);
      updateConversation(asked.thread.id, { muted: true });
      expect(raise({ visitorId, linkIdentity: !doNotTrack })).toEqual({ stored: 0, live: 0, alerts: 0 });
    }
  });

  it("from a GPC / Do-Not-Track visitor stays unlinked, and counts once per demo per hour", () => {
    const at = new Date("2026-12-02T09:00:00Z");
    const first = raise({ visitorId: visitor({ doNotTrack: true }), linkIdentity: false, now: at });
    expect(first).toEqual({ stored: 1, live: 1, alerts: 2 });
    expect(heard[0]?.payload).toMatchObject({ visitorId: null, demo });
    const stored = controlDb()
      .select()
      .from(events)
      .all()
      .filter((event) => event.type === "handraise" && event.visitorId === null);
    expect(stored).toHaveLength(1);
    // The same or another unlinked visitor in the same demo, within the hour: not counted again.
    expect(raise({ visitorId: visitor({ doNotTrack: true }), linkIdentity: false, now: new Date(at.getTime() + 60_000) })).toMatchObject({
      stored: 0,
    });
    // A demo that does not exist is no place to raise a hand in (else every made-up slug would alert).
    expect(raise({ visitorId: visitor({ doNotTrack: true }), linkIdentity: false, now: at }, "no-such-demo")).toMatchObject({
      stored: 0,
      alerts: 0,
    });
    // Nothing stored links the claim to the visitor.
    expect(
      controlDb()
        .select()
        .from(handRaises)
        .all()
        .filter((row) => row.raiser.startsWith("anonymous:")),
    ).toEqual([{ raiser: `anonymous:${demo}`, raisedAt: at }]);
  });

  it("is claimed once when two app nodes on one database claim it at the same moment", () => {
    const other = drizzle(new Database(path.join(runtime().paths.control)));
    const raiser = { key: `visitor:${newId()}`, visitorId: null, demoSlug: demo };
    const now = new Date();
    expect([claimHandRaise(controlDb(), raiser, now), claimHandRaise(other, raiser, now)]).toEqual([true, false]);
    expect(claimHandRaise(other, raiser, new Date(now.getTime() + handRaiseWindowMs))).toBe(true);
    other.$client.close();
  });

  it("forgets claims past the window, which decide nothing any more", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    claimHandRaise(controlDb(), { key: "visitor:old", visitorId: "old", demoSlug: demo }, new Date(now.getTime() - handRaiseWindowMs - 1));
    expect(pruneHandRaises(now, controlDb())).toBeGreaterThanOrEqual(1);
    expect(
      controlDb()
        .select()
        .from(handRaises)
        .all()
        .some((row) => row.raiser === "visitor:old"),
    ).toBe(false);
  });
});
