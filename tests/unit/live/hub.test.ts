// Live events are committed before any stream hears of them, and a reconnect with Last-Event-ID gets exactly
// what it missed, in order, once — including events published while it was away.

import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import type { LivePayload } from "@/lib/contracts/live-events";
import { type LiveMessage, openLiveStreams, publishEphemeral, publishLive, subscribeLive } from "@/lib/live/hub";
import { sseFrame } from "@/lib/live/sse";
import { s } from "../control-plane";

beforeAll(() => migrateControlPlane());

/** A prospect's message as their stream tells of it, numbered `n`. */
const numbered = (n: number): LivePayload<"message"> => ({
  conversationId: "c1",
  messageId: n,
  body: `message ${n}`,
  at: n,
  author: "visitor",
});
const handraise = { visitorId: "v1", demo: "pipeline-basics", at: 1 };

const storedCount = async () => Number((await s.rows<{ n: number }>(sql`select count(*) as n from live_events`))[0]?.n);

describe("the live hub", () => {
  it("stores an event before delivering it, and only to streams of its topic", async () => {
    const team: LiveMessage[] = [];
    const other: LiveMessage[] = [];
    // What the store holds, read the moment the event is delivered.
    const storedWhenDelivered: Promise<number>[] = [];
    const stopTeam = subscribeLive(["team"], undefined, (message) => {
      storedWhenDelivered.push(storedCount());
      team.push(message);
    });
    const stopOther = subscribeLive(["visitor:someone-else"], undefined, (message) => other.push(message));
    const before = await storedCount();
    await publishLive([{ topic: "team", type: "handraise", payload: handraise }]);
    expect(team).toHaveLength(1);
    expect(team[0]).toMatchObject({ topic: "team", type: "handraise", payload: handraise });
    expect(team[0]?.id).toBeGreaterThan(0);
    expect(await storedWhenDelivered[0]).toBe(before + 1);
    expect(other).toHaveLength(0);
    stopTeam();
    stopOther();
    expect(openLiveStreams()).toBe(0);
  });

  it("replays what a reconnect missed after its Last-Event-ID, exactly once, then goes live", async () => {
    const first: LiveMessage[] = [];
    const stop = subscribeLive(["visitor:v2"], undefined, (message) => first.push(message));
    await publishLive([{ topic: "visitor:v2", type: "message", payload: numbered(1) }]);
    stop();
    const lastSeen = first.at(-1)?.id ?? 0;
    // Published while the visitor's connection was down, one for someone else between them.
    await publishLive([{ topic: "visitor:v2", type: "message", payload: numbered(2) }]);
    await publishLive([{ topic: "visitor:v3", type: "message", payload: numbered(99) }]);
    await publishLive([{ topic: "visitor:v2", type: "message", payload: numbered(3) }]);

    const again: LiveMessage[] = [];
    const stopAgain = subscribeLive(["visitor:v2"], lastSeen, (message) => again.push(message));
    await publishLive([{ topic: "visitor:v2", type: "message", payload: numbered(4) }]);
    // The replay is a read of its own (on PostgreSQL a round trip on another connection): the live 4 waits in the
    // stream's buffer until it is done, then follows it.
    await expect.poll(() => again.length).toBe(3);
    stopAgain();
    expect(again.map((event) => event.payload.messageId)).toEqual([2, 3, 4]);
    const ids = again.map((event) => event.id ?? 0);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("a reconnect that is up to date replays nothing", async () => {
    const seen: LiveMessage[] = [];
    const stop = subscribeLive(["team"], undefined, (message) => seen.push(message));
    await publishLive([{ topic: "team", type: "handraise", payload: handraise }]);
    stop();
    const replayed: LiveMessage[] = [];
    subscribeLive(["team"], seen.at(-1)?.id, (message) => replayed.push(message))();
    expect(replayed).toEqual([]);
  });

  it("ephemeral events (typing) are delivered but never stored or replayed", async () => {
    const live: LiveMessage[] = [];
    const before = await storedCount();
    const stop = subscribeLive(["visitor:v4"], undefined, (message) => live.push(message));
    publishEphemeral({ topic: "visitor:v4", type: "typing", payload: { who: "team" } });
    stop();
    expect(live).toEqual([{ topic: "visitor:v4", type: "typing", payload: { who: "team" } }]);
    expect(await storedCount()).toBe(before);
    expect(sseFrame(live[0] as LiveMessage)).toBe('event: typing\ndata: {"who":"team"}\n\n');
  });

  it("a stream that throws does not starve the others", async () => {
    const good: LiveMessage[] = [];
    const stopBad = subscribeLive(["team"], undefined, () => {
      throw new Error("socket gone");
    });
    const stopGood = subscribeLive(["team"], undefined, (message) => good.push(message));
    const quiet = console.error;
    console.error = () => {};
    try {
      await publishLive([{ topic: "team", type: "handraise", payload: handraise }]);
    } finally {
      console.error = quiet;
    }
    stopBad();
    stopGood();
    expect(good).toHaveLength(1);
  });
});
