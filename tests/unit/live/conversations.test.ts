// The conversation rules: no form, one thread per visitor, the first rep to reply takes it (or the account's
// owner, for a share-link visitor), rate limits with a friendly message, no conversation for known bots,
// GPC/DNT threads kept unlinked, alerts only when they should fire, the prospect told of every reply, of a
// close (they may write again) and of a mute (their messages are refused with a reason, and reach nobody).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import {
  pausedMessage,
  postTeamMessage,
  postVisitorMessage,
  teamInbox,
  teamThread,
  updateConversation,
  visitorThread,
} from "@/lib/conversations/conversations";
import { messageBodySchema } from "@/lib/conversations/message-input";
import { touchPresence } from "@/lib/conversations/presence";
import { type LiveMessage, subscribeLive } from "@/lib/live/hub";
import { installRuntime } from "@/lib/runtime/runtime";
import { newId } from "@/lib/sandbox/ids";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s, t } from "../control-plane";

const desktop = { browser: "Firefox", os: "Linux", device: "desktop" as const, bot: false };

async function member(name: string): Promise<string> {
  const id = newId();
  const now = new Date();
  await s.run(s.db.insert(t.user).values({ id, name, email: `${id}@team.example`, createdAt: now, updatedAt: now }));
  return id;
}

async function visitor(options: { bot?: boolean; accountId?: string } = {}): Promise<string> {
  const id = newId();
  await touchVisitor(id, { client: { ...desktop, bot: options.bot ?? false } });
  if (options.accountId) await s.run(s.db.update(t.visitors).set({ accountId: options.accountId }).where(eq(t.visitors.id, id)));
  return id;
}

let address = 0;
const post = (visitorId: string, body: string, extra: Partial<Parameters<typeof postVisitorMessage>[0]> = {}) =>
  postVisitorMessage({ visitorId, body, clientAddress: `203.0.113.${++address % 250}`, bot: false, noTracking: false, ...extra });

const alerts = async (kind: string) => (await s.all(s.db.select().from(t.webhookOutbox))).filter((row) => row.kind === kind);

beforeAll(async () => {
  installRuntime({ conversationsPerHour: 2, messagesPerHour: 4 });
  await migrateControlPlane();
  await s.run(
    s.db.insert(t.webhooks).values({
      id: newId(),
      url: "https://hooks.example/x",
      format: "json",
      events: ["conversation.started", "message.unanswered"],
      secret: "s",
    }),
  );
});

describe("a prospect's conversation", () => {
  it("starts with a question and nothing else, and is theirs when they come back", async () => {
    const prospect = await visitor();
    const result = await post(prospect, "  Does it work with Salesforce?  ");
    expect(result).toHaveProperty("thread");
    const thread = await visitorThread(prospect);
    expect(thread?.messages).toEqual([expect.objectContaining({ author: "visitor", body: "Does it work with Salesforce?" })]);
    await post(prospect, "And HubSpot?");
    expect((await visitorThread(prospect))?.messages).toHaveLength(2);
    expect((await visitorThread(prospect))?.id).toBe(thread?.id);
    expect(await visitorThread(await visitor())).toBeNull();
  });

  it("the first rep to reply takes it; another rep is told who has it; the prospect sees the reply as unread", async () => {
    const riley = await member("Riley Rep");
    const sam = await member("Sam Seller");
    const prospect = await visitor();
    const started = await post(prospect, "Hi, pricing?");
    if (!("thread" in started)) throw new Error(started.error);
    const heard: LiveMessage[] = [];
    const stop = subscribeLive([`visitor:${prospect}`], undefined, (message) => heard.push(message));
    expect(await postTeamMessage({ conversationId: started.thread.id, userId: riley, body: "Happy to help!" })).toHaveProperty("messageId");
    const refused = await postTeamMessage({ conversationId: started.thread.id, userId: sam, body: "Me too" });
    stop();
    expect(refused).toEqual({ status: 409, error: "Riley Rep is handling this conversation" });
    expect(heard).toEqual([
      expect.objectContaining({ type: "message", payload: expect.objectContaining({ body: "Happy to help!", authorName: "Riley" }) }),
    ]);
    const thread = await visitorThread(prospect);
    expect(thread?.unread).toBe(1);
    expect(thread?.messages.at(-1)).toMatchObject({ author: "team", authorName: "Riley", body: "Happy to help!" });
    expect((await teamInbox()).find((entry) => entry.id === started.thread.id)).toMatchObject({
      assigneeName: "Riley Rep",
      unanswered: false,
    });
  });

  it("goes to the account's owner when the visitor came through that rep's share link", async () => {
    const owner = await member("Olivia Owner");
    const accountId = newId();
    await s.run(s.db.insert(t.accounts).values({ id: accountId, name: "Globex", ownerUserId: owner }));
    const started = await post(await visitor({ accountId }), "Can I see the forecast with my data?");
    if (!("thread" in started)) throw new Error(started.error);
    expect((await teamInbox()).find((entry) => entry.id === started.thread.id)?.assigneeUserId).toBe(owner);
    expect(await postTeamMessage({ conversationId: started.thread.id, userId: await member("Other Rep"), body: "hi" })).toMatchObject({
      status: 409,
    });
  });

  it("refuses known bots, with a reason", async () => {
    expect(await post(await visitor({ bot: true }), "hello")).toMatchObject({ status: 403 });
    expect(await post(await visitor(), "hello", { bot: true })).toMatchObject({ status: 403 });
  });

  it("limits new conversations and messages per client per hour, with a friendly 429", async () => {
    const clientAddress = "198.51.100.7";
    const ask = (visitorId: string, body: string) => postVisitorMessage({ visitorId, body, clientAddress, bot: false, noTracking: false });
    const one = await visitor();
    expect(await ask(one, "1")).toHaveProperty("thread");
    expect(await ask(await visitor(), "2")).toHaveProperty("thread");
    const third = await ask(await visitor(), "3");
    expect(third).toMatchObject({ status: 429 });
    expect((third as { error: string }).error).toMatch(/try again in \d+ minutes?/);
    expect(await ask(one, "4")).toHaveProperty("thread");
    expect(await ask(one, "5")).toHaveProperty("thread");
    expect(await ask(one, "6")).toMatchObject({ status: 429, error: expect.stringContaining("messages") });
  });

  it("limits one visitor's messages per hour from any address: a new address with the same cookie counts on", async () => {
    const prospect = await visitor();
    // `post` sends each message from another address.
    for (const body of ["1", "2", "3", "4"]) expect(await post(prospect, body)).toHaveProperty("thread");
    const fifth = await post(prospect, "5");
    expect(fifth).toMatchObject({ status: 429, error: expect.stringContaining("messages"), retryAfterSeconds: expect.any(Number) });
    expect((await visitorThread(prospect))?.messages).toHaveLength(4);
  });

  it("keeps a GPC / Do-Not-Track visitor's thread unlinked: the team never sees who they are or which copy they asked from", async () => {
    const prospect = await visitor();
    const sandboxId = newId();
    const started = await post(prospect, "Private question", { noTracking: true, sandboxId, demoSlug: "pipeline-basics" });
    if (!("thread" in started)) throw new Error(started.error);
    await post(prospect, "And another", { noTracking: true, sandboxId, demoSlug: "pipeline-basics" });
    const forTeam = { linked: false, visitorId: null, sandboxId: null, demoSlug: "pipeline-basics" };
    expect((await teamInbox()).find((entry) => entry.id === started.thread.id)).toMatchObject(forTeam);
    expect(await teamThread(started.thread.id)).toMatchObject(forTeam);
    expect(JSON.stringify(teamInbox())).not.toContain(prospect);
    const stored = await s.one(s.db.select().from(t.conversations).where(eq(t.conversations.id, started.thread.id)));
    expect(stored?.sandboxId).toBeNull();
    // Replies still reach the prospect's own panel.
    const toPanel: LiveMessage[] = [];
    const stop = subscribeLive([`visitor:${prospect}`], undefined, (message) => toPanel.push(message));
    await postTeamMessage({ conversationId: started.thread.id, userId: await member("Private Rep"), body: "Happy to help" });
    stop();
    expect(toPanel.map((message) => message.type)).toContain("message");
  });

  it("shows a tracked visitor's thread with who they are and where they asked from", async () => {
    const prospect = await visitor();
    const sandboxId = newId();
    const started = await post(prospect, "Public question", { sandboxId, demoSlug: "pipeline-basics" });
    if (!("thread" in started)) throw new Error(started.error);
    expect(await teamThread(started.thread.id)).toMatchObject({ linked: true, visitorId: prospect, sandboxId });
  });

  it("alerts on a new conversation, and on a message while nobody is online", async () => {
    const startedBefore = (await alerts("conversation.started")).length;
    const unansweredBefore = (await alerts("message.unanswered")).length;
    const prospect = await visitor();
    const started = await post(prospect, "Anyone there?");
    if (!("thread" in started)) throw new Error(started.error);
    expect(await alerts("conversation.started")).toHaveLength(startedBefore + 1);
    expect(await alerts("message.unanswered")).toHaveLength(unansweredBefore + 1);

    await touchPresence(await member("Online Rep"));
    await post(prospect, "Still there?");
    expect(await alerts("message.unanswered")).toHaveLength(unansweredBefore + 1);
    await s.run(s.db.delete(t.teamPresence));
  });

  it("a muted visitor is told, politely, that nothing more is sent: no message stored, no rep or receiver told", async () => {
    const prospect = await visitor();
    const started = await post(prospect, "Buy cheap watches");
    if (!("thread" in started)) throw new Error(started.error);
    const toPanel: LiveMessage[] = [];
    const stopPanel = subscribeLive([`visitor:${prospect}`], undefined, (message) => toPanel.push(message));
    await updateConversation(started.thread.id, { muted: true });
    stopPanel();
    expect(toPanel).toEqual([
      expect.objectContaining({
        type: "conversation.status",
        payload: { conversationId: started.thread.id, status: "open", paused: true },
      }),
    ]);
    expect((await visitorThread(prospect))?.paused).toBe(true);

    const alertsBefore = (await alerts("message.unanswered")).length;
    const toTeam: LiveMessage[] = [];
    const stopTeam = subscribeLive(["team"], undefined, (message) => toTeam.push(message));
    const refused = await post(prospect, "Buy cheap watches again");
    stopTeam();
    expect(refused).toEqual({ status: 403, error: pausedMessage });
    expect(toTeam).toEqual([]);
    expect(await alerts("message.unanswered")).toHaveLength(alertsBefore);
    expect((await visitorThread(prospect))?.messages).toHaveLength(1);

    await updateConversation(started.thread.id, { muted: false });
    expect(await post(prospect, "Sorry, a real question")).toHaveProperty("thread");
    expect(await visitorThread(prospect)).toMatchObject({ paused: false, messages: [expect.anything(), expect.anything()] });
  });

  it("a closed conversation tells the prospect's panel, and reopens when the prospect writes again", async () => {
    const prospect = await visitor();
    const started = await post(prospect, "Question");
    if (!("thread" in started)) throw new Error(started.error);
    const toPanel: LiveMessage[] = [];
    const stop = subscribeLive([`visitor:${prospect}`], undefined, (message) => toPanel.push(message));
    await updateConversation(started.thread.id, { status: "closed" });
    stop();
    expect(toPanel).toEqual([
      expect.objectContaining({ type: "conversation.status", payload: expect.objectContaining({ status: "closed" }) }),
    ]);
    expect((await visitorThread(prospect))?.status).toBe("closed");
    await post(prospect, "One more");
    expect((await visitorThread(prospect))?.status).toBe("open");
  });
});

describe("a message's text", () => {
  const problemOf = (text: string) => messageBodySchema.safeParse(text).error?.issues[0]?.message;

  it("is trimmed plain text within limits, without control characters", () => {
    expect(messageBodySchema.parse(" hi\r\nthere ")).toBe("hi\nthere");
    expect(problemOf("   ")).toBe("Type a message first");
    expect(messageBodySchema.safeParse("x".repeat(2001)).success).toBe(false);
    expect(problemOf("bell\u0007")).toMatch(/control characters/);
    expect(messageBodySchema.parse("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
  });

  it.each([
    ["composed to NFC", "Cafe\u0301?", "Café?"],
    ["without zero-width characters at its edges", "\u200b\ufeffHello\u200d\u2060", "Hello"],
    ["with a joiner inside an emoji kept", "👩\u200d💻 here", "👩\u200d💻 here"],
    ["with direction marks kept (they reorder nothing around them)", "\u200fשלום\u200e ok", "\u200fשלום\u200e ok"],
  ])("is stored %s", (_, typed, stored) => {
    expect(messageBodySchema.parse(typed)).toBe(stored);
  });

  it.each([
    ["only zero-width characters", "\u200b\u200c\u200d\u2060\ufeff", "Type a message first"],
    ["only blank fillers", "\u3164\u2800 \u115f", "Type a message first"],
    ["a lone high surrogate", "broken \ud83d here", "The message holds a broken character (half of an emoji?); type it again"],
    ["a lone low surrogate", "\ude00", "The message holds a broken character (half of an emoji?); type it again"],
    [
      "a right-to-left override",
      "invoice_\u202egnp.exe",
      "The message holds invisible characters that reverse the text's direction; type it again without them",
    ],
    [
      "a directional isolate",
      "a \u2067b\u2069 c",
      "The message holds invisible characters that reverse the text's direction; type it again without them",
    ],
    ["an escape sequence", "\u001b[31mred", "The message holds invisible control characters; type it again without them"],
    ["a C1 control", "next\u0085line", "The message holds invisible control characters; type it again without them"],
  ])("is refused when it holds %s", (_, typed, problem) => {
    expect(problemOf(typed)).toBe(problem);
  });

  it("holds for a rep's reply as for a prospect's message, and nothing refused is stored", async () => {
    const prospect = await visitor();
    const started = await post(prospect, "Question");
    if (!("thread" in started)) throw new Error(started.error);
    const rep = await member("Rita Rep");
    for (const body of ["\u200b\u200b", "pay \u202eevil", "\ud800"]) {
      expect(await post(prospect, body)).toMatchObject({ status: 400 });
      expect(await postTeamMessage({ conversationId: started.thread.id, userId: rep, body })).toMatchObject({ status: 400 });
    }
    expect((await visitorThread(prospect))?.messages.map((message) => message.body)).toEqual(["Question"]);
  });
});
