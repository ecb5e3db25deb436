// The conversation answers' contract (lib/contracts/conversations.ts): what the prospect's and the team's APIs
// answer fits it whole (parsing drops nothing they sent), and an answer that does not fit is refused rather
// than half-read, while the API's own refusal still reaches the page in its words.
import { beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { replySentSchema, teamInboxSchema, teamThreadAnswerSchema, visitorConversationSchema } from "@/lib/contracts/conversations";
import { readAnswer } from "@/lib/contracts/read-answer";
import { postVisitorMessage } from "@/lib/conversations/conversations";
import { getInbox, getThread, postReply } from "@/lib/conversations/team-api";
import { getConversation, postConversationMessage } from "@/lib/conversations/visitor-api";
import { newId } from "@/lib/sandbox/ids";
import { signVisitorId, visitorCookieName } from "@/lib/visitors/visitor-cookie";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s, t } from "../control-plane";

beforeAll(() => migrateControlPlane());

const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

async function visitor(): Promise<string> {
  const id = newId();
  await touchVisitor(id, { client: { browser: "Firefox", os: "Linux", device: "desktop", bot: false } });
  return id;
}

const asVisitor = (visitorId: string, body?: unknown) =>
  new Request("http://localhost/api/conversation", {
    method: body === undefined ? "GET" : "POST",
    headers: {
      cookie: `${visitorCookieName}=${encodeURIComponent(signVisitorId(visitorId))}`,
      "user-agent": firefox,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** The answer read through its contract, and the JSON as sent, to compare. */
async function read<Value>(response: Response, schema: Parameters<typeof readAnswer<Value>>[1]) {
  const sent: unknown = await response.clone().json();
  const answer = await readAnswer(response, schema);
  if (!answer.ok) throw new Error(`the answer did not fit its contract: ${JSON.stringify(sent)}`);
  return { sent, value: answer.value };
}

describe("the conversation answers' contract", () => {
  it("holds what the prospect's API answers, before and after they write", async () => {
    const visitorId = await visitor();
    const before = await read(await getConversation(asVisitor(visitorId)), visitorConversationSchema);
    expect(before.value).toEqual(before.sent);
    expect(before.value.thread).toBeNull();
    const posted = await postConversationMessage(asVisitor(visitorId, { body: "Does it do forecasts?" }));
    expect(posted.status).toBe(201);
    const after = await read(posted, visitorConversationSchema);
    expect(after.value).toEqual(after.sent);
    expect(after.value.thread?.messages).toEqual([expect.objectContaining({ author: "visitor", body: "Does it do forecasts?" })]);
  });

  it("holds what the team's APIs answer: the inbox, a thread with its context, a reply", async () => {
    const repId = newId();
    const now = new Date();
    await s.run(
      s.db.insert(t.user).values({ id: repId, name: "Riley Rep", email: `${repId}@team.example`, createdAt: now, updatedAt: now }),
    );
    const tracked = await postVisitorMessage({
      visitorId: await visitor(),
      body: "Hi",
      clientAddress: "203.0.113.1",
      bot: false,
      noTracking: false,
    });
    // A visitor who sent GPC / Do-Not-Track: their thread's context says only the demo they asked from.
    const untracked = await postVisitorMessage({
      visitorId: await visitor(),
      body: "Hi",
      clientAddress: "203.0.113.2",
      bot: false,
      noTracking: true,
    });
    if (!("thread" in tracked) || !("thread" in untracked)) throw new Error("the prospects could not write");

    const inbox = await read(await getInbox(), teamInboxSchema);
    expect(inbox.value).toEqual(inbox.sent);
    expect(inbox.value.conversations.map((entry) => entry.id)).toEqual(expect.arrayContaining([tracked.thread.id, untracked.thread.id]));
    for (const id of [tracked.thread.id, untracked.thread.id]) {
      const thread = await read(await getThread(id), teamThreadAnswerSchema);
      expect(thread.value).toEqual(thread.sent);
    }
    expect((await read(await getThread(untracked.thread.id), teamThreadAnswerSchema)).value.context).toEqual({
      demo: null,
      linked: false,
      built: [],
    });
    const sent = await read(await postReply({ user: { id: repId } }, tracked.thread.id, { body: "Happy to help" }), replySentSchema);
    expect(sent.value.messageId).toBeGreaterThan(0);
  });

  it("refuses an answer that does not fit, and passes on the API's own refusal", async () => {
    expect(await readAnswer(await getThread(newId()), teamThreadAnswerSchema)).toEqual({
      ok: false,
      status: 404,
      error: "No such conversation",
    });
    const team = { online: false, replyHours: "We reply within a day.", bookingUrl: "https://example.com", bookingLabel: "Book" };
    const thread = { id: "c1", status: "open", paused: false, messages: [], unread: 0 };
    expect((await readAnswer(Response.json({ thread, team }), visitorConversationSchema)).ok).toBe(true);
    for (const body of [
      { thread: { ...thread, status: "archived" }, team },
      { thread: { ...thread, messages: [{ id: 1, author: "bot", body: "hi", at: 1 }] }, team },
      { thread: { ...thread, unread: "2" }, team },
      { thread },
      [],
    ]) {
      expect(await readAnswer(Response.json(body), visitorConversationSchema), JSON.stringify(body)).toEqual({ ok: false, status: 200 });
    }
    expect(await readAnswer(new Response("Service unavailable", { status: 503 }), visitorConversationSchema)).toEqual({
      ok: false,
      status: 503,
    });
  });
});
