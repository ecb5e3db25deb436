// A hand-raise is a person's signal: one per raiser per hour is stored, put on the team's stream and alerted —
// however many a batch or a loop of batches carries — and none from a bot, a muted visitor or a request without a
// visitor cookie. GPC / Do-Not-Track visitors stay unlinked, so theirs count once per demo per hour. The claim is
// stored state: two connections to one database (two app nodes) cannot both count the same one.
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane, openControlStore } from "@/db/control-plane";
import type { Store } from "@/db/store";
import { postVisitorMessage, updateConversation } from "@/lib/conversations/conversations";
import { registerDemos } from "@/lib/demos/registry";
import { type LiveMessage, subscribeLive } from "@/lib/live/hub";
import { newId } from "@/lib/sandbox/ids";
import { signalBatchSchema } from "@/lib/signals/event-schema";
import { claimHandRaise, handRaiseWindowMs, pruneHandRaises } from "@/lib/signals/hand-raise";
import { type IngestContext, ingestBatch } from "@/lib/signals/ingest";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s, t } from "../control-plane";

const demo = "pipeline-basics";
const person = { browser: "Firefox", os: "Linux", device: "desktop" as const, bot: false };
let heard: LiveMessage[] = [];
let stopListening = () => {};

beforeAll(async () => {
  await migrateControlPlane();
  await registerDemos();
  // Two receivers: each counted hand-raise queues one alert per webhook.
  for (const format of ["slack", "json"] as const) {
    await s.run(
      s.db.insert(t.webhooks).values({ id: newId(), url: `https://hooks.example/${format}`, format, events: ["handraise"], secret: "s" }),
    );
  }
  stopListening = subscribeLive(["team"], undefined, (message) => {
    if (message.type === "handraise") heard.push(message);
  });
});
afterAll(() => stopListening());

async function visitor(options: { bot?: boolean; doNotTrack?: boolean } = {}): Promise<string> {
  const id = newId();
  await touchVisitor(id, { client: { ...person, bot: options.bot ?? false, doNotTrack: options.doNotTrack ?? false } });
  return id;
}

const handRaises20 = (demoSlug = demo) =>
  signalBatchSchema.parse({
    events: Array.from({ length: 20 }, () => ({ id: uuidv7(), type: "handraise", at: Date.now(), demo: demoSlug })),
  });

/** What one batch of 20 hand-raises left behind: events stored, live events, alerts queued. */
async function raise(context: IngestContext, demoSlug = demo) {
  heard = [];
  const alertsBefore = (await s.all(s.db.select().from(t.webhookOutbox))).length;
  const { stored } = await ingestBatch(handRaises20(demoSlug), context);
  return { stored, live: heard.length, alerts: (await s.all(s.db.select().from(t.webhookOutbox))).length - alertsBefore };
}

describe("a hand-raise", () => {
  it("counts once from a batch of 20: one event, one live event for the team, one alert per webhook", async () => {
    const visitorId = await visitor();
    expect(await raise({ visitorId, linkIdentity: true })).toEqual({ stored: 1, live: 1, alerts: 2 });
    expect(heard[0]?.payload).toMatchObject({ visitorId, demo });
  });

  it("counts once per visitor per hour, however many batches carry one, and again after the hour", async () => {
    const visitorId = await visitor();
    const at = new Date("2026-12-01T09:00:00Z");
    expect(await raise({ visitorId, linkIdentity: true, now: at })).toEqual({ stored: 1, live: 1, alerts: 2 });
    for (const minutes of [1, 30, 59]) {
      expect(await raise({ visitorId, linkIdentity: true, now: new Date(at.getTime() + minutes * 60_000) })).toEqual({
        stored: 0,
        live: 0,
        alerts: 0,
      });
    }
    expect(await raise({ visitorId, linkIdentity: true, now: new Date(at.getTime() + handRaiseWindowMs) })).toEqual({
      stored: 1,
      live: 1,
      alerts: 2,
    });
    // Another visitor's hand is their own.
    expect(await raise({ visitorId: await visitor(), linkIdentity: true, now: at })).toMatchObject({ stored: 1 });
  });

  it("is never taken from a bot, nor without a visitor cookie", async () => {
    expect(await raise({ visitorId: undefined, linkIdentity: true, bot: true })).toEqual({ stored: 0, live: 0, alerts: 0 });
    expect(await raise({ visitorId: undefined, linkIdentity: true, bot: false })).toEqual({ stored: 0, live: 0, alerts: 0 });
    expect(await raise({ visitorId: await visitor(), linkIdentity: true, bot: true })).toEqual({ stored: 0, live: 0, alerts: 0 });
    expect(await raise({ visitorId: await visitor({ bot: true }), linkIdentity: true })).toEqual({ stored: 0, live: 0, alerts: 0 });
  });

  it("is never taken from a visitor the team muted, linked or not", async () => {
    for (const doNotTrack of [false, true]) {
      const visitorId = await visitor({ doNotTrack });
      const asked = await postVisitorMessage({ visitorId, body: "spam", clientAddress: "192.0.2.1", bot: false, noTracking: doNotTrack });
      if (!("thread" in asked)) throw new Error(asked.error);
      await updateConversation(asked.thread.id, { muted: true });
      expect(await raise({ visitorId, linkIdentity: !doNotTrack })).toEqual({ stored: 0, live: 0, alerts: 0 });
    }
  });

  it("from a GPC / Do-Not-Track visitor stays unlinked, and counts once per demo per hour", async () => {
    const at = new Date("2026-12-02T09:00:00Z");
    const first = await raise({ visitorId: await visitor({ doNotTrack: true }), linkIdentity: false, now: at });
    expect(first).toEqual({ stored: 1, live: 1, alerts: 2 });
    expect(heard[0]?.payload).toMatchObject({ visitorId: null, demo });
    const stored = (await s.all(s.db.select().from(t.events))).filter((event) => event.type === "handraise" && event.visitorId === null);
    expect(stored).toHaveLength(1);
    // The same or another unlinked visitor in the same demo, within the hour: not counted again.
    expect(
      await raise({ visitorId: await visitor({ doNotTrack: true }), linkIdentity: false, now: new Date(at.getTime() + 60_000) }),
    ).toMatchObject({
      stored: 0,
    });
    // A demo that does not exist is no place to raise a hand in (else every made-up slug would alert).
    expect(await raise({ visitorId: await visitor({ doNotTrack: true }), linkIdentity: false, now: at }, "no-such-demo")).toMatchObject({
      stored: 0,
      alerts: 0,
    });
    // Nothing stored links the claim to the visitor.
    expect((await s.all(s.db.select().from(t.handRaises))).filter((row) => row.raiser.startsWith("anonymous:"))).toEqual([
      { raiser: `anonymous:${demo}`, raisedAt: at },
    ]);
  });

  it("is claimed once when two app nodes on one database claim it at the same moment", async () => {
    const other = openControlStore();
    try {
      const raiser = { key: `visitor:${newId()}`, visitorId: null, demoSlug: demo };
      const now = new Date();
      const claim = (on: Store, at: Date) => on.transaction((tx) => claimHandRaise(raiser, at, tx));
      // PostgreSQL: at once, on two pools. SQLite: one after the other, as its one writer makes them (a second
      // connection in the same process would wait on the first's lock while holding the event loop).
      const both =
        s.dialect === "postgres" ? await Promise.all([claim(s, now), claim(other, now)]) : [await claim(s, now), await claim(other, now)];
      expect(both.sort()).toEqual([false, true]);
      expect(await claim(other, new Date(now.getTime() + handRaiseWindowMs))).toBe(true);
    } finally {
      await other.close();
    }
  });

  it("forgets claims past the window, which decide nothing any more", async () => {
    const now = new Date("2027-01-01T00:00:00Z");
    await s.transaction((tx) =>
      claimHandRaise({ key: "visitor:old", visitorId: "old", demoSlug: demo }, new Date(now.getTime() - handRaiseWindowMs - 1), tx),
    );
    expect(await pruneHandRaises(now)).toBeGreaterThanOrEqual(1);
    expect((await s.all(s.db.select().from(t.handRaises))).some((row) => row.raiser === "visitor:old")).toBe(false);
  });
});
