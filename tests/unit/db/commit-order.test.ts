// "Rows after the last one I saw" must not skip a row that commits late. On PostgreSQL a sequence value is
// handed out at insert, not at commit: a transaction that took a lower id and commits after one with a higher
// id would be skipped by a reader that saw the higher one first. Here a transaction holds its events (and a
// live event) open while a later one commits; the signal watch, the insights fold and the live hub each still
// deliver both, exactly once. On SQLite the later writer waits for the first (one writer), which is why rowid
// order is commit order there; the same test holds it to that.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { storeEventBatches } from "@/db/queries/events";
import { insertLiveEvents } from "@/db/queries/live";
import { catchUpInsights } from "@/lib/insights/fold";
import { announce, type LiveMessage, subscribeLive } from "@/lib/live/hub";
import { watchSignalsOnce } from "@/lib/live/signal-watch";
import { newId } from "@/lib/sandbox/ids";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s, t } from "../control-plane";
import { heldOpen, stepViewed as viewed } from "../held-transactions";

beforeAll(() => migrateControlPlane());

const person = { browser: "Firefox", os: "Linux", device: "desktop" as const, bot: false };

/** Starts `write` in a transaction of its own and says whether it has committed, without waiting for it. */
function startedAlongside(write: Parameters<typeof s.transaction>[0]) {
  let done = false;
  const committed = s.transaction(write).then(() => {
    done = true;
  });
  return { committed, done: () => done };
}

/**
 * Until the second transaction is visibly waiting for the first: on PostgreSQL, blocked on the turn its writers
 * take (an advisory lock not granted yet); on SQLite, queued behind the one connection, where nothing else can
 * run meanwhile, so the event loop is given turns in which a transaction that could commit would.
 */
async function waitingForTheFirst(): Promise<void> {
  if (s.dialect === "postgres") {
    await expect
      .poll(
        async () =>
          (await s.rows<{ n: number }>(sql`select count(*) as n from pg_locks where locktype = 'advisory' and not granted`))[0]?.n,
      )
      .toBe(1);
  } else {
    for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Opens a write transaction in another database (PostgreSQL: the server's own; SQLite: another file) and holds it. */
async function holdATransactionElsewhere(): Promise<() => Promise<void>> {
  if (s.dialect === "postgres") {
    const server = new URL(process.env.TEST_POSTGRES_URL ?? "");
    server.pathname = "/postgres";
    const other = postgres(server.toString(), { max: 1, onnotice: () => {} });
    const reserved = await other.reserve();
    await reserved`begin`;
    await reserved`select pg_current_xact_id()`;
    return async () => {
      await reserved`rollback`;
      reserved.release();
      await other.end();
    };
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-elsewhere-")), "other.sqlite");
  const other = new Database(file);
  other.exec("create table t (x); begin immediate; insert into t values (1);");
  return async () => {
    other.exec("rollback");
    other.close();
  };
}

async function eventsFoldedFor(visitorId: string): Promise<number | undefined> {
  const { visitorActivity } = t;
  return (
    await s.one(
      s.db.select({ humanEvents: visitorActivity.humanEvents }).from(visitorActivity).where(eq(visitorActivity.visitorId, visitorId)),
    )
  )?.humanEvents;
}

/**
 * PostgreSQL: spends transaction ids until the next one has one digit more than the last (999 → 1000), in
 * subtransactions of one statement (each write in one takes an id), so events on either side of it sort
 * differently as text than as numbers. Nothing to do on SQLite, whose cursor is the rowid.
 */
async function nextTransactionIdGainsADigit(): Promise<void> {
  if (s.dialect !== "postgres") return;
  const [current] = await s.rows<{ xid: string }>(sql`select pg_current_xact_id()::text as xid`);
  const xid = BigInt(current?.xid ?? "0");
  const spend = 10n ** BigInt(String(xid).length) - xid;
  // A throwaway server is young (thousands of ids); a long-lived one may be far from its next digit.
  if (spend > 2_000_000n) throw new Error(`transaction id ${xid} is ${spend} from its next digit: run this on a younger server`);
  await s.execute(
    sql.raw(`do $$ begin
      create temp table if not exists spent_ids (n int);
      for i in 1..${spend} loop begin insert into spent_ids values (i); exception when others then null; end; end loop;
    end $$`),
  );
}

describe("readers of rows in commit order", () => {
  it("the signal watch and the fold deliver an event that commits after a later one, exactly once", async () => {
    const [early, late] = [newId(), newId()];
    for (const id of [early, late]) await touchVisitor(id, { client: person });
    await catchUpInsights({ maxEvents: Number.POSITIVE_INFINITY });
    await watchSignalsOnce(); // from here on

    const first = heldOpen((tx) => storeEventBatches([viewed(early)], tx).then(() => undefined));
    await first.written;
    const second = startedAlongside((tx) => storeEventBatches([viewed(late)], tx).then(() => undefined));
    if (s.dialect === "postgres") {
      // The later transaction committed while the earlier one holds its lower position: readers wait for it.
      await second.committed;
      expect(await watchSignalsOnce()).toBe(0);
      await catchUpInsights({ maxEvents: Number.POSITIVE_INFINITY });
      expect(await eventsFoldedFor(late)).toBeUndefined();
    } else {
      // One writer: the later transaction cannot commit before the earlier one.
      await waitingForTheFirst();
      expect(second.done()).toBe(false);
    }

    first.release();
    await Promise.all([first.committed, second.committed]);
    expect(await watchSignalsOnce()).toBe(2);
    expect(await watchSignalsOnce()).toBe(0);
    await catchUpInsights({ maxEvents: Number.POSITIVE_INFINITY });
    await catchUpInsights({ maxEvents: Number.POSITIVE_INFINITY });
    expect([await eventsFoldedFor(early), await eventsFoldedFor(late)]).toEqual([1, 1]);
  });

  it("a transaction held open in another database of the same server does not hold them back", async () => {
    // Transaction ids are server-wide on PostgreSQL, so another database's open transaction (another app, another
    // test file) is in every snapshot; it can never write our rows, and readers must not wait for it.
    const release = await holdATransactionElsewhere();
    try {
      const visitor = newId();
      await touchVisitor(visitor, { client: person });
      await catchUpInsights({ maxEvents: Number.POSITIVE_INFINITY });
      await watchSignalsOnce();
      await storeEventBatches([viewed(visitor)]);
      expect(await watchSignalsOnce()).toBe(1);
      await catchUpInsights({ maxEvents: Number.POSITIVE_INFINITY });
      expect(await eventsFoldedFor(visitor)).toBe(1);
    } finally {
      await release();
    }
  });

  it("read in commit order when transaction ids gain a digit, where a text sort would put 1000 before 999", async () => {
    const from = await s.special.newestEventCursor();
    const [early, late] = [newId(), newId()];
    for (const id of [early, late]) await touchVisitor(id, { client: person });
    await storeEventBatches([viewed(early)]);
    await nextTransactionIdGainsADigit();
    await storeEventBatches([viewed(late)]);

    // One at a time, as the fold reads in chunks: neither is skipped, and the earlier comes first.
    const [first] = await s.special.eventsAfter(from, 1);
    expect(first?.visitorId).toBe(early);
    const [second] = await s.special.eventsAfter(first?.cursor ?? null, 1);
    expect(second?.visitorId).toBe(late);
    expect(await s.special.eventsAfter(second?.cursor ?? null, 1)).toEqual([]);
    // Where a reader starts, and where the signal watch goes on from: after the later one.
    expect(await s.special.newestEventCursor()).toBe(second?.cursor);
    expect(await s.special.visitorsActiveAfter(from, 10)).toEqual({
      cursor: second?.cursor,
      events: 2,
      visitorIds: expect.arrayContaining([early, late]),
    });
  });

  it("the live hub replays after Last-Event-ID and fans out both events, in order, exactly once", async () => {
    const topic = "team" as const;
    const heard: LiveMessage[] = [];
    const stop = subscribeLive([topic], undefined, (message) => {
      if (message.type === "commit-order") heard.push(message);
    });
    await announce();
    const event = (n: number) => ({ topic, type: "commit-order", payload: { n } });

    const first = heldOpen((tx) => insertLiveEvents([event(1)], tx));
    await first.written;
    const second = startedAlongside(async (tx) => {
      await insertLiveEvents([event(2)], tx);
    });
    await waitingForTheFirst();
    // Writers of live events take turns (db/store.ts takeTurn): the second waits for the first on both databases,
    // so ids are commit order and a reader that saw 2 cannot have missed 1.
    expect(second.done()).toBe(false);
    first.release();
    await Promise.all([first.committed, second.committed]);
    await announce();
    stop();
    expect(heard.map((message) => message.payload.n)).toEqual([1, 2]);

    // A reconnect from before the first replays both, once, in order.
    const before = (heard[0]?.id ?? 1) - 1;
    const replayed: LiveMessage[] = [];
    const again = subscribeLive([topic], before, (message) => {
      if (message.type === "commit-order") replayed.push(message);
    });
    await expect.poll(() => replayed.map((message) => message.payload.n)).toEqual([1, 2]);
    await announce();
    again();
    expect(replayed.map((message) => message.payload.n)).toEqual([1, 2]);
  });
});
