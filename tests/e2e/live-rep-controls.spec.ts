// The rep's side of a live conversation, the way reps and prospects use it, in two browser contexts: Live now
// shows what a prospect is building as they build it; typing shows both ways; a rep closes a conversation (the
// prospect's panel says so and they may simply write again, which reopens it) and mutes a visitor (their panel
// says the conversation is paused and offers the booking link; what they still send is refused and reaches no
// rep). A GPC visitor may talk, but the rep learns nothing beyond the conversation. A dropped stream that
// reconnects with Last-Event-ID gets what it missed exactly once, then live events, on plain HTTP.
import http from "node:http";
import type { BrowserContext, Page } from "@playwright/test";
import { teamInboxSchema, visitorConversationSchema } from "@/lib/contracts/conversations";
import { parseLiveEvent } from "@/lib/contracts/live-events";
import { expect, test } from "./fixtures";
import { createDeal, expectNoAxeViolations, openAsRep, startDemo, visitorIdOf } from "./helpers";

test.describe.configure({ mode: "serial" });

async function openPanel(page: Page) {
  await page.getByRole("button", { name: "Talk to a human" }).click();
  const panel = page.getByTestId("conversation-panel");
  await expect(panel).toBeVisible();
  return panel;
}

async function ask(page: Page, question: string) {
  const panel = await openPanel(page);
  await panel.getByLabel("Your question").fill(question);
  await panel.getByRole("button", { name: "Send" }).click();
  await expect(panel.getByTestId("conversation-thread")).toContainText(question);
  return panel;
}

test("Live now shows what a prospect builds in the sandbox as they build it, with demo, step, locale and device", async ({ browser }) => {
  const prospectContext = await browser.newContext();
  const prospect = await prospectContext.newPage();
  await startDemo(prospect);
  const visitorId = await visitorIdOf(prospectContext);

  const { page: rep, context: repContext } = await openAsRep(browser, "/sales/live");
  await expect(rep.getByRole("heading", { name: "Live now" })).toBeVisible();

  // No reload on the rep's side: the row appears as the prospect works. (An automated browser counts as a
  // person once it really interacts, as the signals pipeline decides, so the row waits for the first write.)
  await createDeal(prospect, { title: "Globex renewal", company: "Globex", amount: "40000" });
  await expect(prospect.getByRole("heading", { name: "Globex renewal" })).toBeVisible();
  const row = rep.locator(`tr[data-visitor="${visitorId}"]`);
  await expect(row.getByTestId("live-built")).toContainText("created deal ‘Globex renewal’ $40k");
  await expect(row.locator("td").nth(1)).toHaveText("Pipeline basics");
  await expect(row.locator("td").nth(4)).toHaveText("en");
  await expect(row.locator("td").nth(6)).toHaveText("desktop");
  await expectNoAxeViolations(rep);
  await prospectContext.close();
  await repContext.close();
});

test("a GPC visitor may talk, but the rep sees nothing beyond the conversation: no sandbox actions, no step, not on Live now", async ({
  browser,
}) => {
  const prospectContext = await browser.newContext({ extraHTTPHeaders: { "sec-gpc": "1" } });
  const prospect = await prospectContext.newPage();
  await startDemo(prospect);
  await createDeal(prospect, { title: "Hooli private pilot", company: "Initech", amount: "31000" });
  await expect(prospect.getByRole("heading", { name: "Hooli private pilot" })).toBeVisible();
  await ask(prospect, "A private question about SSO");
  const visitorId = await visitorIdOf(prospectContext);

  const { page: rep, context: repContext } = await openAsRep(browser, "/sales/conversations");
  await rep.getByTestId("inbox-item").filter({ hasText: "A private question about SSO" }).click();
  await expect(rep.getByTestId("team-thread")).toContainText("A private question about SSO");
  const context = rep.getByTestId("conversation-context");
  await expect(context).toContainText("They asked not to be tracked");
  await expect(context).toContainText("Pipeline basics");
  await expect(context.getByTestId("context-built")).toHaveCount(0);
  await expect(context).not.toContainText("Hooli private pilot");
  await expect(context).not.toContainText("Tour step");
  await expect(context).not.toContainText("Device");
  // Nor does the team API say who they are or which copy they asked from.
  const sandboxId = new URL(prospect.url()).pathname.split("/")[2] ?? "";
  const inbox = await (await rep.request.get("/api/sales/conversations")).text();
  const conversation = teamInboxSchema
    .parse(JSON.parse(inbox))
    .conversations.find((entry) => entry.lastMessage === "A private question about SSO");
  const thread = await (await rep.request.get(`/api/sales/conversations/${conversation?.id}`)).text();
  for (const answer of [inbox, thread]) {
    expect(answer).not.toContain(visitorId);
    expect(answer).not.toContain(sandboxId);
  }

  await rep.goto("/sales/live");
  await expect(rep.getByRole("heading", { name: "Live now" })).toBeVisible();
  await expect(rep.locator(`tr[data-visitor="${visitorId}"]`)).toHaveCount(0);
  await expect(rep.getByText("Hooli private pilot")).toHaveCount(0);
  await prospectContext.close();
  await repContext.close();
});

test("typing shows both ways; a rep closes the conversation and the prospect may write again; a muted visitor is told and reaches nobody", async ({
  browser,
}) => {
  const prospectContext = await browser.newContext();
  const prospect = await prospectContext.newPage();
  await startDemo(prospect);
  const panel = await ask(prospect, "Does the forecast split by region?");

  const { page: rep, context: repContext } = await openAsRep(browser, "/sales/conversations");
  await rep.getByTestId("inbox-item").filter({ hasText: "Does the forecast split by region?" }).click();
  // The inbox shows each thread's latest message; the open one is marked current.
  const item = rep.locator("[data-testid=inbox-item][aria-current=true]");
  await expect(rep.getByTestId("team-thread")).toContainText("Does the forecast split by region?");
  await expect(rep.getByTestId("live-status")).toHaveText(/^Live:/);

  // The prospect types: the rep sees it. The rep types: the prospect sees it.
  await expect(rep.getByText("The prospect is typing…")).toHaveCount(0);
  await panel.getByLabel("Your question").pressSequentially("And by", { delay: 30 });
  await expect(rep.getByText("The prospect is typing…")).toBeVisible();
  await expect(panel.getByText("Someone from our team is typing…")).toHaveCount(0);
  await rep.getByLabel("Reply").pressSequentially("By owner", { delay: 30 });
  await expect(panel.getByText("Someone from our team is typing…")).toBeVisible();
  await rep.getByLabel("Reply").fill("By owner and by month; region is on the roadmap.");
  await rep.getByRole("button", { name: "Send reply" }).click();
  await expect(panel.getByTestId("conversation-thread")).toContainText("region is on the roadmap");
  await expect(panel.getByText("Someone from our team is typing…")).toHaveCount(0);

  // Closing: the prospect's panel says so at once, and writing again reopens it for the team.
  await rep.getByRole("button", { name: "Close conversation" }).click();
  await expect(item).toContainText("Closed");
  await expect(panel.getByTestId("conversation-notice")).toHaveText(
    "Our team closed this conversation. Write again any time and it reopens; your messages stay here.",
  );
  await expect(panel.getByLabel("Your question")).toBeVisible();
  await expectNoAxeViolations(prospect, "[data-testid=conversation-panel]");
  await panel.getByLabel("Your question").fill("Actually, one more: is there an API?");
  await panel.getByRole("button", { name: "Send" }).click();
  await expect(panel.getByTestId("conversation-notice")).toHaveCount(0);
  await expect(item).toContainText("is there an API?");
  await expect(item).toContainText("Waiting");
  await expect(item).not.toContainText("Closed");
  await expect(rep.getByRole("button", { name: "Close conversation" })).toBeVisible();

  // Muting: the prospect is told plainly and offered the booking link instead of a message box.
  await rep.getByRole("button", { name: "Mute visitor" }).click();
  await expect(rep.getByTestId("muted-note")).toBeVisible();
  await expect(panel.getByTestId("conversation-notice")).toContainText(
    "Our team has paused this conversation, so new messages are not sent. To reach us:",
  );
  await expect(panel.getByTestId("conversation-notice").getByRole("link")).toHaveAttribute("href", /^mailto:/);
  await expect(panel.getByLabel("Your question")).toHaveCount(0);
  await expectNoAxeViolations(prospect, "[data-testid=conversation-panel]");
  // What they still send (an old tab, a script) is refused with the same words and reaches no rep.
  const refused = await prospect.request.post("/api/conversation", { data: { body: "BUY CHEAP WATCHES" } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toContain("Our team has paused this conversation");
  await rep.reload();
  await rep.getByTestId("inbox-item").filter({ hasText: "is there an API?" }).click();
  await expect(rep.getByTestId("team-thread")).toContainText("is there an API?");
  await expect(rep.getByTestId("team-thread")).not.toContainText("BUY CHEAP WATCHES");
  await expect(rep.getByTestId("inbox-item").filter({ hasText: "BUY CHEAP WATCHES" })).toHaveCount(0);

  // Unmuting gives the message box back.
  await rep.getByRole("button", { name: "Unmute visitor" }).click();
  await expect(panel.getByTestId("conversation-notice")).toHaveCount(0);
  await expect(panel.getByLabel("Your question")).toBeVisible();
  await prospectContext.close();
  await repContext.close();
});

type Frame = { id?: string; type: string; data: string };

/** A raw SSE reader over node:http, so the test decides exactly when the connection drops. */
function openRawStream(url: string, headers: Record<string, string>) {
  const frames: Frame[] = [];
  let buffer = "";
  const request = http.get(url, { headers: { accept: "text/event-stream", ...headers } });
  const opened = new Promise<number>((resolve, reject) => {
    request.on("response", (response) => {
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(block)?.[1];
          const type = field("event");
          const data = field("data");
          if (type && data) frames.push({ id: field("id"), type, data });
        }
      });
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
  });
  return { frames, opened, close: () => request.destroy() };
}

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

test("a dropped stream that reconnects with Last-Event-ID gets what it missed exactly once, then goes live", async ({
  browser,
  baseURL,
}) => {
  const prospectContext = await browser.newContext();
  const prospect = await prospectContext.newPage();
  await startDemo(prospect);
  const cookie = await cookieHeader(prospectContext);
  const streamUrl = `${baseURL}/api/live/visitor`;

  const first = openRawStream(streamUrl, { cookie });
  expect(await first.opened).toBe(200);
  const asked = await prospect.request.post("/api/conversation", { data: { body: "First, before the drop" } });
  expect(asked.status()).toBe(201);
  const conversationId = visitorConversationSchema.parse(await asked.json()).thread?.id;
  await expect.poll(() => first.frames.filter((frame) => frame.type === "message").length).toBe(1);
  const seen = first.frames.find((frame) => frame.type === "message");
  expect(seen?.id).toMatch(/^\d+$/);
  first.close();

  // While the stream is down: a rep replies and the prospect writes from another tab.
  const { page: rep, context: repContext } = await openAsRep(browser, "/sales/conversations");
  const reply = await rep.request.post(`/api/sales/conversations/${conversationId}/messages`, {
    data: { body: "Missed reply while you were away" },
  });
  expect(reply.status()).toBe(201);
  expect((await prospect.request.post("/api/conversation", { data: { body: "Missed second question" } })).status()).toBe(201);

  const again = openRawStream(streamUrl, { cookie, "last-event-id": String(seen?.id) });
  expect(await again.opened).toBe(200);
  await expect.poll(() => again.frames.filter((frame) => frame.type === "message").length).toBe(2);
  // Then live again, on the same connection.
  expect((await prospect.request.post("/api/conversation", { data: { body: "Live after the reconnect" } })).status()).toBe(201);
  await expect.poll(() => again.frames.filter((frame) => frame.type === "message").length).toBe(3);
  // Read as the panel reads them, through the live events' contract.
  const bodies = again.frames
    .map((frame) => parseLiveEvent(frame.type, frame.data))
    .flatMap((event) => (event?.type === "message" ? [event.payload.body] : []));
  expect(bodies).toEqual(["Missed reply while you were away", "Missed second question", "Live after the reconnect"]);
  const ids = again.frames.filter((frame) => frame.id).map((frame) => Number(frame.id));
  expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
  expect(ids.every((id) => id > Number(seen?.id))).toBe(true);

  // Another visitor's stream, resumed from the same id, replays none of it.
  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await startDemo(stranger);
  const theirs = openRawStream(streamUrl, { cookie: await cookieHeader(strangerContext), "last-event-id": String(seen?.id) });
  expect(await theirs.opened).toBe(200);
  expect((await prospect.request.post("/api/conversation", { data: { body: "Only mine" } })).status()).toBe(201);
  await expect.poll(() => again.frames.filter((frame) => frame.type === "message").length).toBe(4);
  expect(theirs.frames.filter((frame) => frame.type === "message")).toEqual([]);
  theirs.close();
  again.close();
  await strangerContext.close();
  await prospectContext.close();
  await repContext.close();
});
