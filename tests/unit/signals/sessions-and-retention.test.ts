import { v7 as uuidv7 } from "uuid";
import { beforeAll, describe, expect, it } from "vitest";
import { controlDb, migrateControlDb } from "@/db/client";
import { newId } from "@/lib/sandbox/ids";
import { signalBatchSchema } from "@/lib/signals/event-schema";
import { ingestBatch } from "@/lib/signals/ingest";
import { purgeExpiredEvents } from "@/lib/signals/retention";
import { touchVisitor } from "@/lib/visitors/visitor-record";

beforeAll(() => migrateControlDb());

const minute = 60_000;
const sqlite = () => controlDb().$client;

function send(visitorId: string | undefined, at: number, now: number, type = "step.viewed", linkIdentity = true) {
  const batch = signalBatchSchema.parse({ events: [{ id: uuidv7(), type, at, demo: "pipeline-basics", step: "board" }] });
  return ingestBatch(batch, { visitorId, linkIdentity, now: new Date(now) });
}

function sessionsOf(visitorId: string) {
  return sqlite()
    .prepare("select session_id as id, count(*) as n from events where visitor_id = ? group by session_id order by min(occurred_at)")
    .all(visitorId) as { id: string; n: number }[];
}

describe("sessions", () => {
  it("keeps events less than 30 minutes apart in one session and splits after a longer pause", async () => {
    const visitor = newId();
    await touchVisitor(visitor);
    const start = Date.parse("2026-06-01T10:00:00Z");
    await send(visitor, start, start);
    await send(visitor, start + 20 * minute, start + 20 * minute);
    await send(visitor, start + 49 * minute, start + 49 * minute);
    await send(visitor, start + 80 * minute, start + 80 * minute);
    const sessions = sessionsOf(visitor);
    expect(sessions.map((session) => session.n)).toEqual([3, 1]);
    const stored = sqlite().prepare("select event_count as n from visitor_sessions where visitor_id = ? order by started_at").all(visitor);
    expect(stored).toEqual([{ n: 3 }, { n: 1 }]);
  });

  it("gives a browser that asked not to be tracked no session, visitor or sandbox", async () => {
    const visitor = newId();
    await touchVisitor(visitor);
    const now = Date.now();
    await send(visitor, now, now, "demo.viewed", false);
    const row = sqlite().prepare("select visitor_id, sandbox_id, session_id from events order by received_at desc, id desc limit 1").get();
    expect(row).toEqual({ visitor_id: null, sandbox_id: null, session_id: null });
    expect(sessionsOf(visitor)).toEqual([]);
  });
});

describe("retention", () => {
  it("folds raw events past the window into daily counts, then deletes them", async () => {
    const now = Date.parse("2026-09-01T12:00:00Z");
    const old = Date.parse("2026-02-10T09:00:00Z");
    const before = (sqlite().prepare("select count(*) as n from events").get() as { n: number }).n;
    // Received long ago: events are clamped to a day before their arrival, so "receive" them then.
    for (let index = 0; index < 3; index++) await send(undefined, old, old, "tour.started");
    await send(undefined, now - minute, now, "tour.started");
    const { purged } = await purgeExpiredEvents(new Date(now), 180);
    expect(purged).toBe(3);
    expect((sqlite().prepare("select count(*) as n from events").get() as { n: number }).n).toBe(before + 1);
    const counts = sqlite().prepare("select * from event_daily_counts where day = '2026-02-10'").all();
    expect(counts).toEqual([{ day: "2026-02-10", demo_slug: "pipeline-basics", type: "tour.started", step_id: "board", count: 3 }]);
    // Purging again changes nothing: counts are not added twice.
    expect((await purgeExpiredEvents(new Date(now), 180)).purged).toBe(0);
    expect(sqlite().prepare("select count from event_daily_counts where day = '2026-02-10'").get()).toEqual({ count: 3 });
  });
});
