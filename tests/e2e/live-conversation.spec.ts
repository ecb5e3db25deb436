// "Talk to a human", live: a prospect asks with nothing asked of them, a rep sees it at once with what the
// prospect built, replies, and the reply appears in the product; the thread is there when they come back.
// With nobody online the panel gives the booking link and a receiver hears "new message while nobody is
// online"; a webhook receiver gets a signed hand-raise, and one that fails, then stalls, then comes back gets it
// once; strangers read no conversation and no stream, and write to none.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { verifyDelivery } from "@/lib/webhooks/sign";
import { controlQuery } from "./control-database";
import { expect, test } from "./fixtures";
import { createDeal, expectNoAxeViolations, openAsRep, startDemo } from "./helpers";
import { contextAs } from "./sign-in-as";
import { admin } from "./team";
import { startReceiver } from "./webhook-receiver";

/**
 * An admin's context signed in over the API, with no workspace page open: no team stream, so nobody counts
 * as online because of it.
 */
const adminByApi = (browser: Browser, baseURL: string | undefined): Promise<BrowserContext> => contextAs(browser, baseURL ?? "", admin);

async function addWebhook(context: BrowserContext, url: string, events: string[]): Promise<{ id: string; secret: string }> {
  const saved = await context.request.post("/api/sales/webhooks", { data: { url, format: "json", events } });
  expect(saved.status(), await saved.text()).toBe(201);
  return (await saved.json()) as { id: string; secret: string };
}

async function openPanel(page: Page) {
  await page.getByRole("button", { name: "Talk to a human" }).click();
  const panel = page.getByTestId("conversation-panel");
  await expect(panel).toBeVisible();
  return panel;
}

test.describe.configure({ mode: "serial" });

// An earlier spec on this worker's server may have had a workspace open in the last minute: its pages are
// closed, so nothing renews that presence, but it would still count as online until the minute is up.
test.beforeAll(async ({ server }) => {
  await controlQuery(server, "delete from team_presence");
});

// First in this file: no team stream has been open yet, so nobody counts as online.
test("with nobody online, the panel says when the team replies and gives the booking link", async ({ page }) => {
  await startDemo(page);
  const panel = await openPanel(page);
  await expect(panel.getByTestId("team-status")).toContainText("We usually reply");
  await expect(panel.getByTestId("booking-link")).toHaveAttribute("href", /^mailto:/);
  await expect(panel.getByLabel("Your question")).toBeVisible();
  await expect(panel.getByText("No name or email needed.")).toBeVisible();
  await expectNoAxeViolations(page, "[data-testid=conversation-panel]");
});

// Still nobody online (the admin signs in over the API and opens no workspace page).
test("a message while nobody is online reaches the webhook receiver, signed", async ({ browser, baseURL }) => {
  const receiver = await startReceiver("/hooks/openhouse");
  const adminContext = await adminByApi(browser, baseURL);
  const hook = await addWebhook(adminContext, receiver.url, ["message.unanswered"]);
  try {
    const prospectContext = await browser.newContext();
    const prospect = await prospectContext.newPage();
    await startDemo(prospect);
    const panel = await openPanel(prospect);
    await expect(panel.getByTestId("team-status")).toContainText("We usually reply");
    await panel.getByLabel("Your question").fill("Is anyone there at night?");
    await panel.getByRole("button", { name: "Send" }).click();
    await expect(panel.getByTestId("conversation-thread")).toContainText("Is anyone there at night?");
    await expect.poll(() => receiver.received.length, { timeout: 5_000 }).toBe(1);
    const [delivery] = receiver.received;
    expect(delivery?.headers["openhouse-event"]).toBe("message.unanswered");
    expect(JSON.parse(delivery?.body ?? "{}")).toMatchObject({
      kind: "message.unanswered",
      text: "New message while nobody is online: “Is anyone there at night?”",
    });
    expect(verifyDelivery(hook.secret, String(delivery?.headers["openhouse-signature"]), delivery?.body ?? "")).toBe(true);
    await prospectContext.close();
  } finally {
    expect((await adminContext.request.delete(`/api/sales/webhooks/${hook.id}`)).status()).toBe(200);
    await adminContext.close();
    receiver.close();
  }
});

test("a prospect asks with no form; a rep sees it live with their context and replies; the thread is there when they come back", async ({
  browser,
}) => {
  const prospectContext = await browser.newContext();
  const prospect = await prospectContext.newPage();
  await startDemo(prospect);
  await createDeal(prospect, { title: "Initech expansion", company: "Initech", amount: "52000" });
  await expect(prospect.getByRole("heading", { name: "Initech expansion" })).toBeVisible();

  const { page: rep, context: repContext } = await openAsRep(browser, "/sales/conversations");
  await expect(rep.getByRole("heading", { name: "Conversations" })).toBeVisible();

  // The rep counts as online once their workspace's stream is open (after the page hydrates).
  await expect(rep.getByTestId("live-status")).toHaveText(/^Live:/);
  const panel = await openPanel(prospect);
  await expect(panel.getByTestId("team-status")).toContainText("Someone is here now");
  await panel.getByLabel("Your question").fill("Can Pipeline import from HubSpot? <b>not bold</b>");
  await panel.getByRole("button", { name: "Send" }).click();
  await expect(panel.getByTestId("conversation-thread")).toContainText("Can Pipeline import from HubSpot? <b>not bold</b>");

  // Live: no reload on the rep's side.
  const item = rep.getByTestId("inbox-item").filter({ hasText: "Can Pipeline import from HubSpot?" });
  await expect(item).toBeVisible();
  await item.click();
  await expect(rep.getByTestId("team-thread")).toContainText("Can Pipeline import from HubSpot?");
  const context = rep.getByTestId("conversation-context");
  await expect(context).toContainText("Pipeline basics");
  await expect(context.getByTestId("context-built")).toContainText("created deal ‘Initech expansion’ $52k");
  await expectNoAxeViolations(rep);

  // Typing shows on the prospect's side, then the reply arrives live.
  await rep.getByLabel("Reply").pressSequentially("Yes — ", { delay: 20 });
  await expect(panel.getByText("Someone from our team is typing…")).toBeVisible();
  await rep.getByLabel("Reply").fill("Yes — from a CSV export. Want me to show you?");
  await rep.getByRole("button", { name: "Send reply" }).click();
  await expect(panel.getByTestId("conversation-thread")).toContainText("Yes — from a CSV export. Want me to show you?");
  await expect(panel.getByTestId("conversation-thread")).toContainText("Riley");

  // A second reply while the panel is closed is marked unread on the button.
  await panel.getByRole("button", { name: "Close" }).click();
  await rep.getByLabel("Reply").fill("I'm here until five.");
  await rep.getByRole("button", { name: "Send reply" }).click();
  await expect(prospect.getByTestId("talk-unread")).toBeVisible();

  // The prospect closes the browser; back later with the same cookie, a new page finds the thread.
  const state = await prospectContext.storageState();
  const sandboxPath = new URL(prospect.url()).pathname;
  await prospectContext.close();
  const later = await browser.newContext({ storageState: state });
  const again = await later.newPage();
  await again.goto(sandboxPath);
  await expect(again.getByTestId("talk-unread")).toBeVisible();
  const reopened = await openPanel(again);
  await expect(reopened.getByTestId("conversation-thread")).toContainText("Can Pipeline import from HubSpot?");
  await expect(reopened.getByTestId("conversation-thread")).toContainText("I'm here until five.");
  await later.close();
  await repContext.close();
});

test("strangers read no conversation and no stream, and write to none; a visitor reads only their own", async ({ browser, request }) => {
  const someConversation = "/api/sales/conversations/AAAAAAAAAAAAAAAAAAAAAA";
  const teamRoutes = [
    ["GET", "/api/live/team"],
    ["GET", "/api/sales/conversations"],
    ["GET", someConversation],
    ["PATCH", someConversation],
    ["POST", `${someConversation}/messages`],
    ["POST", `${someConversation}/typing`],
    ["GET", "/api/sales/webhooks"],
  ] as const;
  const visitorRoutes = [
    ["GET", "/api/live/visitor"],
    ["GET", "/api/conversation"],
    ["POST", "/api/conversation"],
    ["POST", "/api/conversation/read"],
    ["POST", "/api/conversation/typing"],
  ] as const;
  for (const [method, path] of [...teamRoutes, ...visitorRoutes]) {
    const response = await request.fetch(path, { method, data: method === "GET" ? undefined : { body: "hi", status: "closed" } });
    expect(response.status(), `${method} ${path}`).toBe(401);
    expect(await response.json()).toHaveProperty("error");
  }
  const other = await browser.newContext();
  const page = await other.newPage();
  await startDemo(page);
  // A prospect's cookie opens nothing of the team's.
  for (const [method, path] of teamRoutes) {
    const response = await page.request.fetch(path, { method, data: method === "GET" ? undefined : { body: "hi", status: "closed" } });
    expect(response.status(), `visitor: ${method} ${path}`).toBe(401);
  }
  const own = await page.request.get("/api/conversation");
  expect(own.status()).toBe(200);
  expect((await own.json()).thread).toBeNull();
  // A bad message gets a clear 4xx, never a 500.
  for (const [body, status] of [
    ["not json", 400],
    [JSON.stringify({ body: "   " }), 400],
    [JSON.stringify({ body: "x".repeat(2001) }), 400],
    [JSON.stringify({ body: "bell\u0007" }), 400],
    [JSON.stringify({ body: "hi", extra: 1 }), 400],
    ["x".repeat(20_000), 413],
  ] as const) {
    const response = await page.request.post("/api/conversation", { data: body, headers: { "content-type": "application/json" } });
    expect(response.status(), body.slice(0, 30)).toBe(status);
    expect(await response.json()).toHaveProperty("error");
  }
  await other.close();
});

test("an admin adds a webhook; a hand-raise reaches the receiver signed, within seconds", async ({ browser }) => {
  const { url, received, close } = await startReceiver("/hooks/openhouse");
  try {
    const adminContext = await browser.newContext();
    const page = await adminContext.newPage();
    await page.goto("/sales/webhooks");
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();
    await page.getByLabel("Address").fill("not an address");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("That is not a web address")).toBeVisible();
    await page.getByLabel("Address").fill(url);
    await page.getByLabel("Generic JSON").check();
    await page.getByRole("button", { name: "Add webhook" }).click();
    const secret = (await page.getByTestId("webhook-secret").locator("code").first().textContent()) ?? "";
    expect(secret).toMatch(/^whsec_/);
    await expectNoAxeViolations(page);

    const prospect = await browser.newPage();
    await startDemo(prospect);
    await prospect.getByRole("button", { name: "Talk to a human" }).click();
    await expect
      .poll(() => received.filter((delivery) => delivery.headers["openhouse-event"] === "handraise").length, { timeout: 5_000 })
      .toBe(1);
    const delivery = received.find((candidate) => candidate.headers["openhouse-event"] === "handraise");
    expect(JSON.parse(delivery?.body ?? "{}")).toMatchObject({
      kind: "handraise",
      text: expect.stringContaining("raised a hand in pipeline-basics"),
    });
    expect(verifyDelivery(secret, String(delivery?.headers["openhouse-signature"]), delivery?.body ?? "")).toBe(true);
    await page.reload();
    await expect(page.getByTestId("deliveries").locator("tr[data-status=delivered]").first()).toContainText("Delivered (200)");
    await prospect.close();
    await adminContext.close();
  } finally {
    close();
  }
});

test("a receiver that fails, then stalls past the timeout, then comes back gets the hand-raise once, and the log says so", async ({
  browser,
  baseURL,
}) => {
  const receiver = await startReceiver("/hooks/openhouse", (attempt, response) => {
    if (attempt === 1) response.writeHead(503).end("down for maintenance");
    else if (attempt === 2)
      return; // accepts, then never answers: the worker must give up on its own
    else response.writeHead(200).end("ok");
  });
  const adminContext = await adminByApi(browser, baseURL);
  const hook = await addWebhook(adminContext, receiver.url, ["handraise"]);
  try {
    const prospect = await browser.newPage();
    await startDemo(prospect);
    await prospect.getByRole("button", { name: "Talk to a human" }).click();
    // 503, a 2 s backoff, a 5 s timeout, a 4 s backoff, then 200: well inside the minute.
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(3);
    const ids = receiver.received.map((delivery) => delivery.headers["openhouse-delivery"]);
    expect(new Set(ids).size).toBe(1);
    for (const delivery of receiver.received) {
      expect(verifyDelivery(hook.secret, String(delivery.headers["openhouse-signature"]), delivery.body)).toBe(true);
    }
    const page = await adminContext.newPage();
    await page.goto("/sales/webhooks");
    const row = page.getByTestId("deliveries").locator("tr").filter({ hasText: receiver.url });
    await expect(row).toHaveAttribute("data-status", "delivered");
    await expect(row).toContainText("Delivered (200)");
    await expect(row.locator("td").last()).toHaveText("3");
    await prospect.close();
  } finally {
    expect((await adminContext.request.delete(`/api/sales/webhooks/${hook.id}`)).status()).toBe(200);
    await adminContext.close();
    receiver.close();
  }
});
