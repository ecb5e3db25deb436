// The studio preview, as a marketer uses it: a demo in a throwaway sandbox with its step list, jump to any
// step, switch locale and persona, and the element picker. A preview is nobody's visit: /sales never sees it,
// and a prospect's cookie (or a rep's session) cannot open its sandbox.
import type { BrowserContext, FrameLocator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, openAsRep, startDemo } from "./helpers";
import { contextAs } from "./sign-in-as";
import { marketer } from "./team";

let context: BrowserContext;
let page: Page;
let product: FrameLocator;

test.beforeAll(async ({ browser, baseURL }) => {
  context = await contextAs(browser, baseURL ?? "", marketer);
});
test.afterAll(async () => {
  await context.close();
});
test.beforeEach(async () => {
  page = await context.newPage();
  await page.goto("/studio/preview/pipeline-basics");
  product = page.frameLocator("iframe");
});
test.afterEach(async () => {
  await page.close();
});

const tourTitle = () => product.getByTestId("tour-popover").getByRole("heading").first();

/**
 * Clicks a control that loads the product frame anew (a persona, a step) and waits until the new page is in it:
 * until then the old page still shows, with the same title when the step is the same, and a click there is lost.
 */
async function loadsTheFrame(name: string | RegExp) {
  const loaded = page.waitForEvent("framenavigated", (frame) => frame.parentFrame() === page.mainFrame());
  await page.getByRole("button", { name }).click();
  await loaded;
}
const previewSandboxId = async () => ((await page.locator("iframe").getAttribute("src")) ?? "").split("/")[2] ?? "";

test("opens the demo beside its steps, jumps to a step, and switches locale and persona", async () => {
  await expect(page.getByRole("heading", { level: 1, name: "Preview: Pipeline basics" })).toBeVisible();
  await expect(tourTitle()).toHaveText("Welcome to Pipeline");
  await expect(product.getByText("Studio preview")).toBeVisible();
  const steps = page.getByRole("list").filter({ has: page.getByText("welcome", { exact: true }) });
  await expect(steps.getByRole("listitem")).toHaveCount(9);

  await page.getByRole("button", { name: /^Your pipeline in one number/ }).click();
  await expect(tourTitle()).toHaveText("Your pipeline in one number");

  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(tourTitle()).toHaveText("Ihre Pipeline in einer Zahl");
  await expect(page.getByRole("button", { name: /^Willkommen bei Pipeline/ })).toBeVisible();

  // The leader's branch: after the total comes "where to coach"; the account executive's gets "your next move".
  await loadsTheFrame("Sales leader");
  await expect(page.getByRole("button", { name: "Sales leader" })).toHaveAttribute("aria-pressed", "true");
  await loadsTheFrame(/^Ihre Pipeline in einer Zahl/);
  await expect(tourTitle()).toHaveText("Ihre Pipeline in einer Zahl");
  await product.getByRole("button", { name: "Weiter" }).click();
  await expect(tourTitle()).toHaveText("Wo Sie diese Woche coachen");
  await expect(page.getByText("Ihr nächster Schritt, immer im Blick")).toBeVisible();
  await expect(page.getByText("Only as Account executive.")).toBeVisible();

  await loadsTheFrame("Account executive");
  await loadsTheFrame(/^Ihre Pipeline in einer Zahl/);
  await expect(tourTitle()).toHaveText("Ihre Pipeline in einer Zahl");
  await product.getByRole("button", { name: "Weiter" }).click();
  await expect(tourTitle()).toHaveText("Ihr nächster Schritt, immer im Blick");

  // Back to the plain English tour for the tests after this one.
  await page.getByRole("button", { name: "Everyone" }).click();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: /^Welcome to Pipeline/ })).toBeVisible();
  await expectNoAxeViolations(page);
  // The two quick clicks both stuck: the preview opens again as everyone's tour, in English.
  await page.reload();
  await expect(page.getByRole("button", { name: "Everyone" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: /^Welcome to Pipeline/ })).toBeVisible();
});

test("on a 360 px phone the product gets the whole width, as a prospect's phone gives it", async () => {
  await page.setViewportSize({ width: 360, height: 640 });
  await expect(product.getByTestId("tour-popover")).toBeVisible();
  const frame = await page.locator("iframe").boundingBox();
  expect(frame?.x).toBe(0);
  expect(frame?.width).toBe(360);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // So the product's own header fits as on a phone: its brand is not squeezed under its buttons.
  const logo = product.getByRole("link", { name: "Pipeline", exact: true });
  expect(await logo.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
});

test("the picker answers a data-tour anchor, a role and name, and warns about an ambiguous one", async () => {
  await page.getByRole("button", { name: /^Welcome to Pipeline/ }).click();
  await expect(tourTitle()).toHaveText("Welcome to Pipeline");
  await product.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
  const pick = page.getByRole("button", { name: "Pick an element" });

  await pick.click();
  await expect(page.getByRole("button", { name: "Stop picking" })).toHaveAttribute("aria-pressed", "true");
  await product.getByTestId("open-total").hover();
  await expect(page.locator(".studio-highlight")).toBeVisible();
  await product.getByTestId("open-total").click();
  await expect(page.getByTestId("picked-yaml")).toHaveText("target: pipeline-total");
  await expect(page.getByTestId("picked-count")).toHaveText("Matches exactly 1 element on this page.");

  await pick.click();
  await product.getByRole("heading", { level: 1, name: "Deals" }).click();
  await expect(page.getByTestId("picked-yaml")).toHaveText('locate: { role: heading, name: "Deals" }');
  await expect(page.getByTestId("picked-count")).toHaveText("Matches exactly 1 element on this page.");

  // Escape leaves picking, and the product works again: this click navigates.
  await pick.click();
  await page.keyboard.press("Escape");
  await expect(pick).toHaveAttribute("aria-pressed", "false");
  // At this frame's width the product folds its pages into a menu.
  await product.getByRole("button", { name: "Menu" }).click();
  await product.getByRole("link", { name: "Contacts" }).click();
  await expect(product.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();

  // Two contacts work at Northwind: its company link is on both rows. The click is swallowed: no navigation.
  await pick.click();
  await product
    .getByRole("row", { name: /Ana Trujillo/ })
    .getByRole("link", { name: /Northwind/ })
    .click();
  await expect(page.getByTestId("picked-yaml")).toHaveText(/^locate: \{ role: link, name: "Northwind/);
  await expect(page.getByTestId("picked-count")).toContainText("Warning: Matches 2 elements");
  await expect(product.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
});

test("a preview sandbox never reaches /sales, and only its member can open it", async ({ browser }) => {
  const { context: repContext } = await openAsRep(browser, "/sales");
  const sales = async () => {
    const visitors = await (await repContext.request.get("/api/sales/visitors")).text();
    const hotList = await (await repContext.request.get("/api/sales/hot-list")).text();
    const csv = await (await repContext.request.get("/api/sales/export/visitors.csv")).text();
    return { visitors, hotList, csv, visitorCount: (JSON.parse(visitors) as { visitors: unknown[] }).visitors.length };
  };
  const before = await sales();

  const sandboxId = await previewSandboxId();
  expect(sandboxId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  // Real work in the preview: a deal created (a recorded action for a prospect), the tour moved, a hand raised.
  await page.getByRole("button", { name: /^Welcome to Pipeline/ }).click();
  await product.getByTestId("tour-popover").getByRole("button", { name: "Start the tour" }).click();
  await expect(tourTitle()).toHaveText("Every deal, by stage");
  await product.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
  await product.locator("[data-tour=new-deal-button]").click();
  await product.getByLabel("Deal name").fill("Preview-only deal");
  await product.getByLabel("Company").selectOption({ label: "Globex" });
  await product.getByLabel("Amount (USD)").fill("4321");
  await product.getByRole("button", { name: "Create deal" }).click();
  await expect(product.getByRole("heading", { name: "Preview-only deal" })).toBeVisible();
  await product.getByRole("button", { name: "Talk to a human" }).click();

  // What would have been recorded has been sent (the tracker flushes on hide) and folded.
  await page.close();
  page = await context.newPage();
  await expect.poll(async () => JSON.parse((await sales()).hotList).pending, { timeout: 20_000 }).toBeFalsy();
  const after = await sales();
  expect(after.visitorCount).toBe(before.visitorCount);
  for (const text of [after.visitors, after.hotList, after.csv]) {
    expect(text).not.toContain(sandboxId);
    expect(text).not.toContain("Preview-only deal");
  }

  // A prospect with their own cookie, and a rep's session, find nothing there.
  const prospect = await browser.newContext();
  const prospectPage = await prospect.newPage();
  await startDemo(prospectPage);
  const asProspect = await prospectPage.goto(`/s/${sandboxId}`);
  expect(asProspect?.status()).toBe(404);
  const asRep = await repContext.request.get(`/s/${sandboxId}`);
  expect(asRep.status()).toBe(404);
  await prospect.close();
  await repContext.close();

  // Its member still can.
  expect((await context.request.get(`/s/${sandboxId}`)).status()).toBe(200);
});

test("the settings API refuses what the demo does not offer, in the {error} shape", async () => {
  const sandboxId = await previewSandboxId();
  const wrong = await context.request.patch(`/api/studio/preview/${sandboxId}`, { data: { locale: "fr" } });
  expect(wrong.status()).toBe(400);
  expect(((await wrong.json()) as { error: string }).error).toContain("en, de");
  const stranger = await context.request.patch("/api/studio/preview/AAAAAAAAAAAAAAAAAAAAAA", { data: { locale: "de" } });
  expect(stranger.status()).toBe(404);
});
