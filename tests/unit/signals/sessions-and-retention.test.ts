import { type SQL, sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane, openControlStore } from "@/db/control-plane";
import { storeEventBatches } from "@/db/queries/events";
import { newId } from "@/lib/sandbox/ids";
import { signalBatchSchema } from "@/lib/signals/event-schema";
import { signalsCommitter } from "@/lib/signals/handle-signals";
import { ingestBatch, lookUpBatch, prepareBatch } from "@/lib/signals/ingest";
import { purgeExpiredEvents } from "@/lib/signals/retention";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s } from "../control-plane";

beforeAll(() => migrateControlPlane());

const minute = 60_000;

function send(visitorId: string | undefined, at: number, now: number, type = "step.viewed", linkIdentity = true) {
  const batch = signalBatchSchema.parse({ events: [{ id: uuidv7(), type, at, demo: "pipeline-basics", step: "board" }] });
  return ingestBatch(batch, { visitorId, linkIdentity, now: new Date(now) });
}

async function sessionsOf(visitorId: string) {
  const rows = await s.rows<{ id: string; n: number }>(
    sql`select session_id as id, count(*) as n from events where visitor_id = ${visitorId} group by session_id order by min(occurred_at)`,
  );
  return rows.map((row) => ({ ...row, n: Number(row.n) }));
}

async function count(query: SQL): Promise<number> {
  return Number((await s.rows<{ n: number }>(query))[0]?.n ?? 0);
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
    const sessions = await sessionsOf(visitor);
    expect(sessions.map((session) => session.n)).toEqual([3, 1]);
    const stored = await s.rows(sql`select event_count as n from visitor_sessions where visitor_id = ${visitor} order by started_at`);
    expect(stored).toEqual([{ n: 3 }, { n: 1 }]);
  });

  it("lets a retried event change nothing, not even the session of the new events sent with it", async () => {
    // A retry from long ago, sent again with a new event: planned as if new, the old one would open a session
    // of its own and push the new event into another. Stored once, it must leave the sessions as they were.
    const visitor = newId();
    await touchVisitor(visitor);
    const start = Date.parse("2026-06-01T10:00:00Z");
    const old = { id: uuidv7(), type: "step.viewed", at: start, demo: "pipeline-basics", step: "board" };
    const context = (now: number) => ({ visitorId: visitor, linkIdentity: true, now: new Date(now) });
    expect((await ingestBatch(signalBatchSchema.parse({ events: [old] }), context(start))).stored).toBe(1);
    await send(visitor, start + 40 * minute, start + 40 * minute);
    await send(visitor, start + 60 * minute, start + 60 * minute);
    const fresh = { ...old, id: uuidv7(), at: start + 70 * minute };
    const retried = await ingestBatch(signalBatchSchema.parse({ events: [old, fresh] }), context(start + 70 * minute));
    expect(retried.stored).toBe(1);
    // The first session holds the old event alone; the second the three later ones, the new one included.
    expect((await sessionsOf(visitor)).map((session) => session.n)).toEqual([1, 3]);
    const stored = await s.rows<{ n: number; started: number; last: number }>(
      sql`select event_count as n, started_at as started, last_event_at as last from visitor_sessions where visitor_id = ${visitor} order by started_at`,
    );
    expect(stored.map((row) => ({ n: Number(row.n), started: Number(row.started), last: Number(row.last) }))).toEqual([
      { n: 1, started: start, last: start },
      { n: 3, started: start + 40 * minute, last: start + 70 * minute },
    ]);
  });

  it("gives one visitor's batches that arrive together one session, whichever groups commit them", async () => {
    // Through the group committer as /api/signals uses it: on PostgreSQL several groups commit at once, and one
    // visitor's take turns on their row's lock, each reading the session the one before it wrote.
    const visitor = newId();
    await touchVisitor(visitor);
    const start = Date.now() - 10 * minute;
    const context = { visitorId: visitor, linkIdentity: true, now: new Date(start + 5 * minute) };
    const sent = Array.from({ length: 40 }, async (_, index) => {
      const batch = signalBatchSchema.parse({
        events: [0, 1].map((n) => ({
          id: uuidv7(),
          type: "step.viewed",
          at: start + index * 1_000 + n,
          demo: "pipeline-basics",
          step: "board",
        })),
      });
      // Spread over several turns of the event loop, so they form several groups.
      await new Promise((resolve) => setTimeout(resolve, index % 4));
      return signalsCommitter().submit(prepareBatch(batch, context, await lookUpBatch(batch, context)));
    });
    expect((await Promise.all(sent)).reduce((sum, result) => sum + result.stored, 0)).toBe(80);
    expect(await sessionsOf(visitor)).toEqual([{ id: expect.any(String), n: 80 }]);
    expect(await count(sql`select event_count as n from visitor_sessions where visitor_id = ${visitor}`)).toBe(80);
  });

  it("corrects the session this node last gave a visitor when another node has written them since", async () => {
    // On PostgreSQL a node plans a group from the sessions it gave its visitors last, before their read answers
    // (db/dialects/postgres/ingest.ts); another app node on the same database makes that guess wrong.
    const other = openControlStore();
    try {
      const visitor = newId();
      await touchVisitor(visitor);
      const start = Date.parse("2026-06-01T10:00:00Z");
      const at = (minutes: number) => ({
        visitorId: visitor,
        bot: false,
        receivedAt: start + minutes * minute,
        events: [
          {
            id: uuidv7(),
            type: "step.viewed",
            demoSlug: "pipeline-basics",
            stepId: "board",
            stepIndex: 0,
            action: null,
            props: null,
            occurredAt: start + minutes * minute,
          },
        ],
      });
      await storeEventBatches([at(0)]);
      // 40 minutes on, through the other node: a second session.
      await storeEventBatches([at(40)], other);
      // Ten minutes after that, here: still the second session, though this node last saw only the first.
      await storeEventBatches([at(50)]);
      await storeEventBatches([at(55)], other);
      await storeEventBatches([at(58)]);
      expect((await sessionsOf(visitor)).map((session) => session.n)).toEqual([1, 4]);
      const stored = await s.rows<{ n: number; last: number }>(
        sql`select event_count as n, last_event_at as last from visitor_sessions where visitor_id = ${visitor} order by started_at`,
      );
      expect(stored.map((row) => ({ n: Number(row.n), last: Number(row.last) }))).toEqual([
        { n: 1, last: start },
        { n: 4, last: start + 58 * minute },
      ]);
    } finally {
      await other.close();
    }
  });

  it("gives a browser that asked not to be tracked no session, visitor or sandbox", async () => {
    const visitor = newId();
    await touchVisitor(visitor);
    const now = Date.now();
    await send(visitor, now, now, "demo.viewed", false);
    const [row] = await s.rows(sql`select visitor_id, sandbox_id, session_id from events order by received_at desc, id desc limit 1`);
    expect(row).toEqual({ visitor_id: null, sandbox_id: null, session_id: null });
    expect(await sessionsOf(visitor)).toEqual([]);
  });
});

describe("retention", () => {
  it("folds raw events past the window into daily counts, then deletes them", async () => {
    const now = Date.parse("2026-09-01T12:00:00Z");
    const old = Date.parse("2026-02-10T09:00:00Z");
    const before = await count(sql`select count(*) as n from events`);
    // Received long ago: events are clamped to a day before their arrival, so "receive" them then.
    for (let index = 0; index < 3; index++) await send(undefined, old, old, "tour.started");
    await send(undefined, now - minute, now, "tour.started");
    const { purged } = await purgeExpiredEvents(new Date(now), 180);
    expect(purged).toBe(3);
    expect(await count(sql`select count(*) as n from events`)).toBe(before + 1);
    const counts = await s.rows(sql`select * from event_daily_counts where day = '2026-02-10'`);
    expect(counts).toEqual([{ day: "2026-02-10", demo_slug: "pipeline-basics", type: "tour.started", step_id: "board", count: 3 }]);
    // Purging again changes nothing: counts are not added twice.
    expect((await purgeExpiredEvents(new Date(now), 180)).purged).toBe(0);
    expect(await s.rows(sql`select count from event_daily_counts where day = '2026-02-10'`)).toEqual([{ count: 3 }]);
  });
});
