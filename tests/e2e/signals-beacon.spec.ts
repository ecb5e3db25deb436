// Events still queued when a visitor leaves are not lost: they go out by sendBeacon on page hide.
import { expect, test } from "./fixtures";
import { openAsRep, startDemo, visitorIdOf } from "./helpers";

test("events queued when the visitor leaves arrive by beacon", async ({ page, context, browser }) => {
  await startDemo(page);
  const visitorId = await visitorIdOf(context);
  // Closing the tour queues "tour.closed"; leaving at once gives the batch timer no chance to send it.
  await page.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
  await page.goto("about:blank");

  const { page: repPage, context: rep } = await openAsRep(browser, `/sales/visitors/${visitorId}`);
  await expect(async () => {
    await repPage.reload();
    await expect(repPage.getByTestId("journey-event").filter({ hasText: "Left the tour" })).toHaveCount(1);
  }).toPass({ timeout: 10_000 });
  await rep.close();
});

test("a browser sending Global Privacy Control gets the full demo but is not tracked as a visitor", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "Sec-GPC": "1" } });
  const page = await context.newPage();
  await startDemo(page);
  await expect(page.getByRole("dialog", { name: "Welcome to Pipeline" })).toBeVisible();
  const visitorId = await visitorIdOf(context);
  await page.getByTestId("tour-popover").getByRole("button", { name: "Start the tour" }).click();
  await page.goto("about:blank");

  // The sandbox works for them, but reps see no such visitor: no row, no journey.
  const { page: repPage } = await openAsRep(browser, "/sales/visitors");
  await expect(repPage.getByRole("heading", { name: "Visitors" })).toBeVisible();
  await expect(repPage.getByTestId("visitor-row").filter({ hasText: `Visitor ${visitorId.slice(0, 6)}` })).toHaveCount(0);
  const journey = await repPage.goto(`/sales/visitors/${visitorId}`);
  expect(journey?.status()).toBe(404);
  await context.close();
});
