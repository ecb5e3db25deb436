// What one client can no longer do to everyone else, over real HTTP against the real server: raise a hand
// without limit (or past a mute, or as a bot), put Slack control sequences in a team channel through an alert,
// or hold the live streams; and what a person with too many tabs reads when their oldest one stops.
import type { BrowserContext, Page } from "@playwright/test";
import { v7 as uuidv7 } from "uuid";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, startDemo, visitorIdOf } from "./helpers";
import { contextAs } from "./sign-in-as";
import { admin, rep } from "./team";
import { type Delivery, startReceiver } from "./webhook-receiver";

test.describe.configure({ mode: "serial" });
// Each test starts several demos and signs people in: minutes on a loaded 2-core machine.
test.setTimeout(180_000);

const handRaises = (count: number) =>
  JSON.stringify({
    events: Array.from({ length: count }, () => ({ id: uuidv7(), type: "handraise", at: Date.now(), demo: "pipeline-basics" })),
  });

/** A live stream read as it arrives, with the cookies of `context`: the frames so far, and a way to stop. */
async function readStream(context: BrowserContext, baseURL: string, path: string) {
  const cookie = (await context.cookies()).map((entry) => `${entry.name}=${entry.value}`).join("; ");
  const abort = new AbortController();
  const response = await fetch(`${baseURL}${path}`, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
  expect(response.status, path).toBe(200);
  const frames: { type: string; data: Record<string, unknown> }[] = [];
  const reader = response.body?.getReader();
  void (async () => {
    let buffer = "";
    const decoder = new TextDecoder();
    try {
      for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
        buffer += decoder.decode(chunk.value, { stream: true });
        for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (type && data) frames.push({ type, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return { frames, close: () => abort.abort() };
}

async function openPanel(page: Page) {
  await page.getByRole("button", { name: "Talk to a human" }).click();
  const panel = page.getByTestId("conversation-panel");
  await expect(panel).toBeVisible();
  return panel;
}

const handRaisesOf = (received: Delivery[], visitorId: string | null) =>
  received.filter(
    (delivery) => delivery.headers["openhouse-event"] === "handraise" && JSON.parse(delivery.body).data?.visitorId === visitorId,
  );

test("a hand-raise counts once per visitor per hour, and never from a bot or a muted visitor: stored, streamed and alerted once", async ({
  browser,
  baseURL,
  request,
}) => {
  const base = baseURL ?? "";
  const receiver = await startReceiver("/hooks/hand-raises");
  const adminContext = await contextAs(browser, base, admin);
  const repContext = await contextAs(browser, base, rep);
  const added = await adminContext.request.post("/api/sales/webhooks", {
    data: { url: receiver.url, format: "json", events: ["handraise"] },
  });
  expect(added.status(), await added.text()).toBe(201);
  const hook = (await added.json()) as { id: string };
  const team = await readStream(repContext, base, "/api/live/team");
  const prospects: BrowserContext[] = [];
  const prospect = async () => {
    const context = await browser.newContext();
    prospects.push(context);
    const page = await context.newPage();
    await startDemo(page);
    return { page, visitorId: await visitorIdOf(context) };
  };
  try {
    // Twenty in one batch, then twenty more: one counts.
    const eager = await prospect();
    const post = (page: Page, headers: Record<string, string> = {}) =>
      page.request.post("/api/signals", { data: handRaises(20), headers: { "content-type": "application/json", ...headers } });
    for (const stored of [1, 0]) {
      const answer = await post(eager.page);
      expect(answer.status()).toBe(202);
      expect(await answer.json()).toEqual({ stored });
    }

    // A bot without a cookie, and a person's cookie sent with a bot's user agent: accepted, nothing stored.
    const crawler = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    const byBot = await request.post("/api/signals", {
      data: handRaises(20),
      headers: { "content-type": "application/json", "user-agent": crawler },
    });
    expect(await byBot.json()).toEqual({ stored: 0 });
    const disguised = await prospect();
    expect(await (await post(disguised.page, { "user-agent": crawler })).json()).toEqual({ stored: 0 });

    // A visitor the team muted (they wrote without raising a hand first, so no hour-window is in play).
    const muted = await prospect();
    const asked = await muted.page.request.post("/api/conversation", { data: { body: "Please call me 40 times" } });
    expect(asked.status()).toBe(201);
    const workspace = await repContext.newPage();
    await workspace.goto("/sales/conversations");
    await workspace.getByTestId("inbox-item").filter({ hasText: "Please call me 40 times" }).click();
    await workspace.getByRole("button", { name: "Mute visitor" }).click();
    await expect(workspace.getByTestId("muted-note")).toBeVisible();
    expect(await (await post(muted.page)).json()).toEqual({ stored: 0 });

    // Last, a person clicks "Talk to a human": once their alert and live event are in, every earlier one is too.
    const person = await prospect();
    await openPanel(person.page);
    await expect.poll(() => handRaisesOf(receiver.received, person.visitorId).length, { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => team.frames.filter((frame) => frame.type === "handraise" && frame.data.visitorId === person.visitorId).length)
      .toBe(1);
    for (const [who, visitorId, alerts] of [
      ["the eager visitor", eager.visitorId, 1],
      ["the disguised bot", disguised.visitorId, 0],
      ["the muted visitor", muted.visitorId, 0],
      ["a cookieless bot", null, 0],
    ] as const) {
      expect(handRaisesOf(receiver.received, visitorId), who).toHaveLength(alerts);
      expect(
        team.frames.filter((frame) => frame.type === "handraise" && frame.data.visitorId === visitorId),
        who,
      ).toHaveLength(alerts);
    }
  } finally {
    team.close();
    expect((await adminContext.request.delete(`/api/sales/webhooks/${hook.id}`)).status()).toBe(200);
    for (const context of [...prospects, adminContext, repContext]) await context.close();
    receiver.close();
  }
});

test("a prospect's words reach Slack as text, never as a channel mention or a forged link; JSON keeps them as data", async ({
  browser,
  baseURL,
}) => {
  const slack = await startReceiver("/services/T000/B000/slack");
  const json = await startReceiver("/hooks/json");
  const adminContext = await contextAs(browser, baseURL ?? "", admin);
  const hooks: string[] = [];
  for (const [receiver, format] of [
    [slack, "slack"],
    [json, "json"],
  ] as const) {
    const added = await adminContext.request.post("/api/sales/webhooks", {
      data: { url: receiver.url, format, events: ["conversation.started"] },
    });
    expect(added.status(), await added.text()).toBe(201);
    hooks.push(((await added.json()) as { id: string }).id);
  }
  const prospectContext = await browser.newContext();
  try {
    const page = await prospectContext.newPage();
    await startDemo(page);
    const typed = "<!channel> pay <https://evil.example|your invoice> & call me";
    const panel = await openPanel(page);
    await panel.getByLabel("Your question").fill(typed);
    await panel.getByRole("button", { name: "Send" }).click();
    await expect(panel.getByTestId("conversation-thread")).toContainText(typed);
    const started = (received: Delivery[]) => received.filter((delivery) => delivery.headers["openhouse-event"] === "conversation.started");
    await expect.poll(() => started(slack.received).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => started(json.received).length, { timeout: 10_000 }).toBe(1);
    expect(JSON.parse(started(slack.received)[0]?.body ?? "{}")).toEqual({
      text: "A prospect asked: “&lt;!channel&gt; pay &lt;https://evil.example|your invoice&gt; &amp; call me”",
    });
    expect(JSON.parse(started(json.received)[0]?.body ?? "{}")).toMatchObject({
      text: `A prospect asked: “${typed}”`,
      data: { body: typed },
    });
  } finally {
    for (const id of hooks) expect((await adminContext.request.delete(`/api/sales/webhooks/${id}`)).status()).toBe(200);
    await prospectContext.close();
    await adminContext.close();
    slack.close();
    json.close();
  }
});

test("a person's oldest tab stops its live updates when newer tabs pass the cap, and says so", async ({ browser, baseURL }) => {
  const base = baseURL ?? "";
  const prospectContext = await browser.newContext();
  const repContext = await contextAs(browser, base, rep);
  const tabs: { close: () => void }[] = [];
  try {
    const page = await prospectContext.newPage();
    await startDemo(page);
    // Each page's own stream is open (its answer has begun) before the newer ones come.
    const panelStream = page.waitForResponse((response) => response.url().endsWith("/api/live/visitor"));
    const panel = await openPanel(page);
    expect((await panelStream).status()).toBe(200);
    await expect(panel.getByTestId("conversation-live-stopped")).toHaveCount(0);
    const workspace = await repContext.newPage();
    const workspaceStream = workspace.waitForResponse((response) => response.url().endsWith("/api/live/team"));
    await workspace.goto("/sales");
    await expect(workspace.getByRole("heading", { name: "Hot list" })).toBeVisible();
    expect((await workspaceStream).status()).toBe(200);
    // The panel's and the hot list's streams are these two people's oldest: six newer ones each push them out.
    for (let tab = 0; tab < 6; tab++) {
      tabs.push(await readStream(prospectContext, base, "/api/live/visitor"));
      tabs.push(await readStream(repContext, base, "/api/live/team"));
    }
    await expect(panel.getByTestId("conversation-live-stopped")).toHaveText(
      "Replies no longer appear in this tab as they arrive (it may be open in newer tabs). Reload the page to see new ones here.",
    );
    await expectNoAxeViolations(page, "[data-testid=conversation-panel]");
    await expect(workspace.getByTestId("live-stopped")).toHaveText(
      "Live updates stopped in this tab (your newer tabs have them). Reload the page to bring them back here.",
    );
    await expectNoAxeViolations(workspace);
  } finally {
    for (const tab of tabs) tab.close();
    await prospectContext.close();
    await repContext.close();
  }
});
