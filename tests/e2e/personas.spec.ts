// Trying a demo "as" a role: the gallery offers each persona as a plain link, the tour takes that persona's
// branch, a later choice of another role switches branch on the same sandbox, and the rep sees the role.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createDeal, expectNoAxeViolations, openAsRep, visitorIdOf } from "./helpers";

const popover = (page: Page) => page.getByTestId("tour-popover");

async function nextUntil(page: Page, title: string): Promise<void> {
  for (let tries = 0; tries < 6; tries++) {
    if (await popover(page).getByRole("heading", { name: title }).isVisible()) return;
    await popover(page)
      .getByRole("button", { name: /^(Next|Start the tour)$/ })
      .click();
  }
  await expect(popover(page).getByRole("heading", { name: title })).toBeVisible();
}

test("a visitor tries the demo as a sales leader, switches to account executive, and keeps their work", async ({
  page,
  context,
  browser,
}) => {
  await page.goto("/");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Try it as Sales leader: Pipeline basics" }).click();
  await page.waitForURL(/\/s\/[A-Za-z0-9_-]{22}$/);
  const path = new URL(page.url()).pathname;
  await expect(popover(page)).toContainText("Step 1 of 8");
  await nextUntil(page, "Where to coach this week");
  await expect(popover(page)).toContainText("Step 4 of 8");
  await expectNoAxeViolations(page);
  await popover(page).getByRole("button", { name: "Close tour" }).click();
  await createDeal(page, { title: "Leader's own deal", company: "Globex", amount: "12000" });
  await page.waitForURL(/\/deals\//);

  await page.goto("/");
  await page.getByRole("link", { name: "Try it as Account executive: Pipeline basics" }).click();
  await page.waitForURL((url) => url.pathname === path);
  await expect(page.getByRole("link", { name: "Leader's own deal" })).toBeVisible();
  // A new branch starts at its beginning; the leader's progress is kept under its own key.
  await expect(popover(page)).toContainText("Step 1 of 8");
  await nextUntil(page, "Your next move, always in sight");
  await expect(popover(page).getByRole("heading", { name: "Where to coach this week" })).toHaveCount(0);

  const visitorId = await visitorIdOf(context);
  // The visitor list, newest first (the hot list is /sales itself: tests/e2e/sales-hot-list.spec.ts).
  const { page: repPage, context: repContext } = await openAsRep(browser, "/sales/visitors");
  const row = repPage.getByTestId("visitor-row").filter({ hasText: `Visitor ${visitorId.slice(0, 6)}` });
  await expect(row.getByTestId("persona")).toHaveText("as Account executive");
  await expect(row.getByTestId("steps")).toContainText("of 8");
  await row.getByRole("link").click();
  await expect(repPage.getByTestId("tried")).toHaveText("Tried Pipeline basics as Account executive");
  await repContext.close();
});
