// The live events' contract (lib/contracts/live-events.ts): every event the server's producers put on a stream
// fits the one union, so a page can read it; what does not fit (an older server's stored event, a broken
// frame) is refused without throwing, and a page's stream drops it and goes on with the next event; and a
// producer whose payload does not fit its type, or whose type its topic's stream does not carry, fails tsc.
import { v7 as uuidv7 } from "uuid";
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { type LiveSource, openLiveStream } from "@/components/live/open-live-stream";
import { migrateControlPlane } from "@/db/control-plane";
import { type LiveEvent, type LiveEventType, type LivePayload, parseLiveEvent } from "@/lib/contracts/live-events";
import { postTeamMessage, postVisitorMessage, updateConversation } from "@/lib/conversations/conversations";
import { teamTyping } from "@/lib/conversations/team-api";
import { visitorTyping } from "@/lib/conversations/visitor-api";
import { type LiveMessage, type PendingLive, publishEphemeral, storeLive, subscribeLive } from "@/lib/live/hub";
import { watchSignalsOnce } from "@/lib/live/signal-watch";
import { newId } from "@/lib/sandbox/ids";
import { ingestBatch } from "@/lib/signals/ingest";
import { signVisitorId, visitorCookieName } from "@/lib/visitors/visitor-cookie";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s, t } from "../control-plane";

beforeAll(() => migrateControlPlane());

const desktop = { browser: "Firefox", os: "Linux", device: "desktop" as const, bot: false };
const visitorRequest = (visitorId: string) =>
  new Request("http://localhost/api/conversation/typing", {
    method: "POST",
    headers: { cookie: `${visitorCookieName}=${encodeURIComponent(signVisitorId(visitorId))}` },
  });

/** An EventSource as a page's stream sees it, driven by the test: events are sent by name with their data text. */
class TestSource implements LiveSource {
  readyState = 1;
  private readonly listeners: [string, (event: MessageEvent) => void][] = [];
  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.listeners.push([type, listener]);
  }
  close(): void {
    this.readyState = 2;
  }
  send(type: string, data: string): void {
    for (const [name, listener] of this.listeners) if (name === type) listener(new MessageEvent(type, { data }));
  }
}

describe("the live events' contract", () => {
  it("fits every event the server's producers put on the team's and a prospect's streams", async () => {
    const visitorId = newId();
    const repId = newId();
    const now = new Date();
    await touchVisitor(visitorId, { client: desktop });
    await s.run(
      s.db.insert(t.user).values({ id: repId, name: "Riley Rep", email: `${repId}@team.example`, createdAt: now, updatedAt: now }),
    );
    await watchSignalsOnce(); // the watch's watermark: what is stored now is old news
    const heard: LiveMessage[] = [];
    const stop = subscribeLive(["team", `visitor:${visitorId}`], undefined, (message) => heard.push(message));
    try {
      const asked = await postVisitorMessage({ visitorId, body: "Pricing?", clientAddress: "203.0.113.9", bot: false, noTracking: false });
      if (!("thread" in asked)) throw new Error(asked.error);
      const conversationId = asked.thread.id;
      await postTeamMessage({ conversationId, userId: repId, body: "Happy to help" });
      expect((await visitorTyping(visitorRequest(visitorId))).status).toBe(200);
      expect(await teamTyping({ user: { id: repId } }, conversationId)).toEqual({ ok: true });
      await ingestBatch(
        { events: [{ id: uuidv7(), type: "handraise", at: Date.now(), demo: "pipeline-basics" }] },
        { visitorId, linkIdentity: true, now: new Date() },
      );
      await updateConversation(conversationId, { status: "closed" });
      await updateConversation(conversationId, { muted: true });
      await watchSignalsOnce();
      const produced: LiveEventType[] = ["conversation.message", "message", "typing", "conversation.updated", "conversation.status"];
      await expect.poll(() => new Set(heard.map((message) => message.type))).toEqual(new Set([...produced, "handraise", "activity"]));
    } finally {
      stop();
    }
    for (const message of heard) {
      // As a page receives it: the SSE event's name, and its data line.
      expect(parseLiveEvent(message.type, JSON.stringify(message.payload)), message.type).toEqual({
        type: message.type,
        payload: message.payload,
      });
    }
  });

  it("refuses what does not fit, and never throws on it", () => {
    const typing = JSON.stringify({ conversationId: "c1", who: "visitor" });
    expect(parseLiveEvent("typing", typing)).toEqual({ type: "typing", payload: { conversationId: "c1", who: "visitor" } });
    for (const [type, data] of [
      ["typing", "{not json"],
      ["typing", JSON.stringify({ who: "robot" })],
      ["typing", "null"],
      ["typing", undefined],
      ["handraise", JSON.stringify({ visitorId: "v1", demo: "pipeline-basics" })],
      ["message", JSON.stringify({ conversationId: "c1", messageId: "7", body: "hi", at: 1, author: "visitor" })],
      ["conversation.status", JSON.stringify({ conversationId: "c1", status: "archived", paused: false })],
      ["deal.won", JSON.stringify({ amount: 1 })],
    ]) {
      expect(parseLiveEvent(String(type), data), `${type} ${data}`).toBeUndefined();
    }
  });

  it("a page's stream hands over what fits, typed and in order, drops what does not, and stops when a newer tab takes over", async () => {
    const source = new TestSource();
    const got: LiveEvent[] = [];
    let stopped = 0;
    const close = openLiveStream(
      "visitor",
      ["message", "typing"],
      (event) => got.push(event),
      { onStop: () => stopped++ },
      () => source,
    );
    const reply: LivePayload<"message"> = { conversationId: "c1", messageId: 2, body: "Hi", at: 5, author: "team", authorName: "Riley" };
    // Sent at once, before the contract's parser has loaded: they wait for it, in order.
    source.send("message", JSON.stringify({ ...reply, messageId: "two" }));
    source.send("message", "{broken");
    source.send("message", JSON.stringify(reply));
    source.send("conversation.status", JSON.stringify({ conversationId: "c1", status: "closed", paused: false })); // not listened to
    source.send("typing", JSON.stringify({ who: "team" }));
    source.send("superseded", JSON.stringify({ reason: "A newer tab of yours has the live updates" }));
    expect(source.readyState).toBe(2);
    await expect.poll(() => stopped).toBe(1);
    expect(got).toEqual([
      { type: "message", payload: reply },
      { type: "typing", payload: { who: "team" } },
    ]);
    close();
  });

  it("a page's stream closed by its page hands over nothing more", async () => {
    const source = new TestSource();
    const got: LiveEvent[] = [];
    const close = openLiveStream(
      "team",
      ["typing"],
      (event) => got.push(event),
      {},
      () => source,
    );
    source.send("typing", JSON.stringify({ conversationId: "c1", who: "visitor" }));
    await expect.poll(() => got.length).toBe(1);
    source.send("typing", JSON.stringify({ conversationId: "c1", who: "visitor" }));
    expect(got).toHaveLength(2); // the parser is here now: handed over at once
    close();
    source.send("typing", JSON.stringify({ conversationId: "c1", who: "visitor" }));
    expect([got.length, source.readyState]).toEqual([2, 2]);
  });

  it("types the producers: a payload that does not fit its type, or a type its topic does not carry, fails tsc", () => {
    expectTypeOf(publishEphemeral).toBeCallableWith({ topic: "team", type: "typing", payload: { conversationId: "c1", who: "visitor" } });
    // @ts-expect-error: who types is the visitor or the team
    expectTypeOf(publishEphemeral).toBeCallableWith({ topic: "team", type: "typing", payload: { who: "robot" } });
    // @ts-expect-error: an activity names the visitors, not one
    expectTypeOf(publishEphemeral).toBeCallableWith({ topic: "team", type: "activity", payload: { visitor: "v1", at: 1 } });
    // @ts-expect-error: a prospect's stream does not carry the team's hand-raises
    expectTypeOf(publishEphemeral).toBeCallableWith({
      topic: "visitor:v1",
      type: "handraise",
      payload: { visitorId: "v1", demo: null, at: 1 },
    });
    expectTypeOf(storeLive).parameter(1).toEqualTypeOf<readonly PendingLive[]>();
    expectTypeOf<PendingLive>().toExtend<{ type: LiveEventType }>();
  });
});
