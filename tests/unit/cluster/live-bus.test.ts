// What app nodes tell each other about live events, and how a node treats what it hears: a payload is read off
// the wire like any other input (only what fits the live-events contract and its topic's stream passes; our own
// echo is dropped); a stream that resumes from an id this node has not yet heard of gets nothing twice; and on
// PostgreSQL a NOTIFY reaches a listener on another connection, while singleton jobs pass between holders.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clusterLink, migrateControlPlane, openControlStore } from "@/db/control-plane";
import { insertLiveEvents, newestLiveEventId } from "@/db/queries/live";
import { listenerApplicationName, startLiveBusListener } from "@/lib/live/bus-listener";
import { liveChannel, readBusPayload } from "@/lib/live/cluster-bus";
import { announceHere, type LiveMessage, subscribeLive } from "@/lib/live/hub";
import { runtime } from "@/lib/runtime/runtime";
import { startSingletons } from "@/lib/runtime/singletons";
import { s } from "../control-plane";

const typing = {
  kind: "ephemeral",
  from: "another-node",
  topic: "team",
  type: "typing",
  payload: { who: "visitor", conversationId: "c1" },
};

/** Resolves once `done()` holds (checked every 20 ms); rejects after `ms`. */
function until(done: () => boolean, what: string, ms = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (done()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > ms) {
        clearInterval(timer);
        reject(new Error(`${what}: not so after ${ms} ms`));
      }
    }, 20);
  });
}

describe("the live bus between nodes", () => {
  it("passes another node's ephemeral event that fits its topic, and nothing else", () => {
    expect(readBusPayload(JSON.stringify(typing))).toEqual({
      kind: "ephemeral",
      event: { topic: "team", type: "typing", payload: { who: "visitor", conversationId: "c1" } },
    });
    expect(readBusPayload(JSON.stringify({ kind: "stored", from: "another-node" }))).toEqual({ kind: "stored" });
    for (const [payload, why] of [
      ["not json", "not JSON"],
      [JSON.stringify({ ...typing, from: runtime().id }), "our own echo"],
      [JSON.stringify({ kind: "stored", from: runtime().id }), "our own stored news"],
      [JSON.stringify({ ...typing, kind: "gossip" }), "an unknown kind"],
      [JSON.stringify({ ...typing, payload: { who: "robot" } }), "a payload that does not fit its type"],
      [JSON.stringify({ ...typing, type: "made.up" }), "a type the contract does not know"],
      [
        JSON.stringify({ ...typing, topic: "visitor:v1", type: "activity", payload: { visitors: [], at: 1 } }),
        "a type the topic's stream never carries",
      ],
      [JSON.stringify({ ...typing, topic: "everyone" }), "an unknown topic"],
    ] as const) {
      expect(readBusPayload(payload), why).toBeUndefined();
    }
  });

  it("gives a stream resuming from an id this node has not heard of yet only what follows it, once", async () => {
    await migrateControlPlane();
    await announceHere();
    const base = await newestLiveEventId();
    // Three events committed by "another node": stored, not yet announced here.
    await s.transaction((tx) =>
      insertLiveEvents(
        [1, 2, 3].map((n) => ({ topic: "team", type: "handraise", payload: { visitorId: `v${n}`, demo: null, at: n } })),
        tx,
      ),
    );
    const got: LiveMessage[] = [];
    // The client saw the first two on the other node, and reconnects here with the second's id.
    const stop = subscribeLive(["team"], base + 2, (message) => got.push(message));
    try {
      await announceHere();
      await until(() => got.length > 0, "the third event");
      await announceHere();
      expect(got.map((message) => message.payload.visitorId)).toEqual(["v3"]);
    } finally {
      stop();
    }
  });

  it("carries a NOTIFY to a listener on another connection (PostgreSQL); there is no bus on SQLite, one node", async () => {
    const link = clusterLink();
    if (s.dialect === "sqlite") {
      expect(link).toBeUndefined();
      expect((await startSingletons()).gate("insightsFold")()).toBe(true);
      return;
    }
    if (!link) throw new Error("PostgreSQL without a cluster link");
    const heard: string[] = [];
    let listening = 0;
    const stop = await link.listen(liveChannel, {
      applicationName: "openhouse-test-listener",
      onNotify: (payload) => heard.push(payload),
      onListen: () => {
        listening += 1;
      },
    });
    try {
      expect(listening).toBe(1);
      await link.notify(liveChannel, "hello");
      await until(() => heard.includes("hello"), "the notification");
      await expect(link.notify(liveChannel, "x".repeat(8_000))).rejects.toThrow(/8,000 bytes/);
    } finally {
      await stop();
    }
  });

  it("lets one holder at a time run a singleton job, and the other take it when the first stops (PostgreSQL)", async () => {
    if (s.dialect === "sqlite") {
      expect(clusterLink()).toBeUndefined();
      return;
    }
    const second = openControlStore();
    const first = clusterLink()?.holdSingletons(["retention"], { applicationName: "openhouse-test-first", everyMs: 100 });
    if (!first || !second.cluster) throw new Error("PostgreSQL without a cluster link");
    try {
      // Taken on the first try, which `ready` waits for (start-up jobs then run on the node that took them).
      await first.ready;
      expect(first.holds("retention")).toBe(true);
      const other = second.cluster.holdSingletons(["retention"], { applicationName: "openhouse-test-second", everyMs: 100 });
      try {
        // Several of its tries pass without the lock.
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(other.holds("retention")).toBe(false);
        await first.stop();
        await until(() => other.holds("retention"), "the second holder taking over", 2_000);
      } finally {
        await other.stop();
      }
    } finally {
      await first.stop();
      await second.close();
    }
  });

  it("reads what committed while its LISTEN connection was down once it is back, with no NOTIFY for it (PostgreSQL)", async () => {
    const stopListening = await startLiveBusListener();
    try {
      if (s.dialect === "sqlite") {
        expect(clusterLink()).toBeUndefined();
        return;
      }
      await announceHere();
      const got: LiveMessage[] = [];
      const stop = subscribeLive(["team"], undefined, (message) => got.push(message));
      try {
        // Committed by "another node" whose NOTIFY this node never got: nothing tells the hub of them…
        await s.transaction((tx) =>
          insertLiveEvents([{ topic: "team", type: "handraise", payload: { visitorId: "missed", demo: null, at: 1 } }], tx),
        );
        const name = listenerApplicationName();
        const [listener] = await s.rows<{ pid: number }>(
          sql`select pid from pg_stat_activity where application_name = ${name} and datname = current_database()`,
        );
        expect(listener, "the listener's connection").toBeDefined();
        expect(got).toEqual([]);
        // …until the listener's connection is killed and postgres.js re-LISTENs: then the hub reads from its cursor.
        await s.execute(sql`select pg_terminate_backend(${listener?.pid ?? 0})`);
        await until(() => got.length > 0, "the missed event after the reconnect");
        expect(got.map((message) => message.payload.visitorId)).toEqual(["missed"]);
        const [again] = await s.rows<{ pid: number }>(
          sql`select pid from pg_stat_activity where application_name = ${name} and datname = current_database()`,
        );
        expect(again?.pid).not.toBe(listener?.pid);
      } finally {
        stop();
      }
    } finally {
      await stopListening();
    }
  });
});
