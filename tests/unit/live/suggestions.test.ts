// Suggestion cards: only what the product's manifest and the prospect's demo offer can be suggested; a card
// reaches the prospect's own stream; "Show me" counts once, tells the team, and the journey records it.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { postVisitorMessage, teamThread, visitorThread } from "@/lib/conversations/conversations";
import { openSuggestion, postSuggestion, resolveSuggestion, suggestableFor } from "@/lib/conversations/suggestions";
import { registerDemos } from "@/lib/demos/registry";
import { ApiError } from "@/lib/http/api-error";
import { type LiveMessage, subscribeLive } from "@/lib/live/hub";
import { installRuntime } from "@/lib/runtime/runtime";
import { newId } from "@/lib/sandbox/ids";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s, t } from "../control-plane";

const demo = "pipeline-basics";
const runtime = installRuntime({ sandboxSpares: 0, conversationsPerHour: 50, messagesPerHour: 100 });
beforeAll(async () => {
  await migrateControlPlane();
  await registerDemos();
});
afterAll(() => runtime.close());

async function repId(): Promise<string> {
  const id = newId();
  const now = new Date();
  await s.run(s.db.insert(t.user).values({ id, name: "Riley Rep", email: `${id}@team.example`, createdAt: now, updatedAt: now }));
  return id;
}

/** A prospect in their own copy of the demo who asked a question. */
async function asking(options: { noTracking?: boolean } = {}) {
  const visitorId = newId();
  await touchVisitor(visitorId, {
    client: { browser: "Firefox", os: "Linux", device: "desktop", bot: false, doNotTrack: options.noTracking ?? false },
  });
  const sandbox = await provisionSandbox(visitorId, demo);
  const posted = await postVisitorMessage({
    visitorId,
    body: "Where is commit vs best case?",
    sandboxId: sandbox.id,
    demoSlug: demo,
    clientAddress: "203.0.113.9",
    bot: false,
    noTracking: options.noTracking ?? false,
  });
  if (!("thread" in posted)) throw new Error(posted.error);
  return { visitorId, sandbox, conversationId: posted.thread.id };
}

const refusal = async (sent: Promise<unknown>) => {
  try {
    await sent;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
  return undefined;
};

describe("suggestion cards", () => {
  it("offers the product's pages that need no id, and the demo's tour steps, nothing else", async () => {
    const offered = await suggestableFor(demo);
    expect(offered.filter((option) => option.kind === "page").map((option) => option.target)).toEqual([
      "board",
      "new-deal",
      "companies",
      "contacts",
      "forecast",
      "import",
    ]);
    expect(offered).toContainEqual({ kind: "step", target: "total", label: "Your pipeline in one number" });
    expect(await resolveSuggestion(demo, "page", "forecast")).toEqual({
      kind: "page",
      target: "forecast",
      label: "Forecast",
      path: "/forecast",
    });
    expect(await resolveSuggestion(demo, "step", "total")).toMatchObject({ path: "/" });
    for (const [kind, target] of [
      ["page", "deal"],
      ["page", "/forecast"],
      ["page", "https://evil.example"],
      ["page", "__proto__"],
      ["step", "no-such-step"],
      ["step", "forecast"],
    ] as const)
      expect(await resolveSuggestion(demo, kind, target), `${kind} ${target}`).toBeUndefined();
    // Without a demo, there are no steps to offer.
    expect(await resolveSuggestion(null, "step", "total")).toBeUndefined();
  });

  it("refuses a page or step that does not exist, storing nothing", async () => {
    const { conversationId } = await asking();
    const member = { user: { id: await repId() } };
    expect(await refusal(postSuggestion(member, conversationId, { kind: "page", target: "settings", why: "Look" }))).toBe(400);
    expect(await refusal(postSuggestion(member, conversationId, { kind: "step", target: "nope", why: "Look" }))).toBe(400);
    expect(await refusal(postSuggestion(member, newId(), { kind: "page", target: "forecast", why: "Look" }))).toBe(404);
    expect((await teamThread(conversationId))?.messages).toHaveLength(1);
  });

  it("reaches the prospect as a card; Show me counts once, tells the team, and the journey records it", async () => {
    const { visitorId, sandbox, conversationId } = await asking();
    const member = { user: { id: await repId() } };
    const toPanel: LiveMessage[] = [];
    const stop = subscribeLive([`visitor:${visitorId}`], undefined, (message) => toPanel.push(message));
    const sent = await postSuggestion(member, conversationId, { kind: "page", target: "forecast", why: "Commit vs best case lives here" });
    stop();
    expect(sent.status).toBe(201);
    expect(toPanel.find((message) => message.type === "message")?.payload).toMatchObject({
      body: "Commit vs best case lives here",
      suggestion: { kind: "page", target: "forecast", path: "/forecast" },
    });
    const card = (await visitorThread(visitorId))?.messages.at(-1);
    expect(card?.suggestion).toEqual({ kind: "page", target: "forecast", label: "Forecast", path: "/forecast" });
    const messageId = card?.id ?? 0;

    // Not theirs: another prospect cannot open it, and a plain message is no card.
    expect(await openSuggestion((await asking()).visitorId, messageId)).toBeUndefined();
    expect(await openSuggestion(visitorId, (await visitorThread(visitorId))?.messages[0]?.id ?? 0)).toBeUndefined();

    const toTeam: LiveMessage[] = [];
    const stopTeam = subscribeLive(["team"], undefined, (message) => toTeam.push(message));
    expect(await openSuggestion(visitorId, messageId)).toEqual({ path: "/forecast" });
    expect(await openSuggestion(visitorId, messageId)).toEqual({ path: "/forecast" });
    stopTeam();
    expect(toTeam.filter((message) => message.type === "conversation.updated")).toHaveLength(1);
    expect((await teamThread(conversationId))?.messages.at(-1)?.suggestion?.openedAt).toEqual(expect.any(Number));
    const recorded = await s.all(
      s.db
        .select()
        .from(t.events)
        .where(and(eq(t.events.visitorId, visitorId), eq(t.events.type, "suggestion.opened"))),
    );
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      sandboxId: sandbox.id,
      demoSlug: demo,
      props: { kind: "page", target: "forecast", label: "Forecast" },
    });
  });

  it("starts the tour at a suggested step; a GPC prospect's opening is counted, never linked", async () => {
    const { visitorId, conversationId } = await asking({ noTracking: true });
    const member = { user: { id: await repId() } };
    await postSuggestion(member, conversationId, { kind: "step", target: "total", why: "One number" });
    const card = (await visitorThread(visitorId))?.messages.at(-1);
    expect(await openSuggestion(visitorId, card?.id ?? 0)).toEqual({ path: "/", step: "total" });
    const linked = await s.all(
      s.db
        .select()
        .from(t.events)
        .where(and(eq(t.events.visitorId, visitorId), eq(t.events.type, "suggestion.opened"))),
    );
    expect(linked).toHaveLength(0);
  });
});
