// The whole story: a prospect tries the demo with no signup, follows the tour, creates a deal,
// moves it, raises a hand; then a rep signs in and sees exactly that, in order.
import { expect, test } from "./fixtures";
import { createDeal, expectNoAxeViolations, openAsRep, startDemo, visitorIdOf } from "./helpers";

test("a prospect tries a demo with no signup and a rep sees their journey", async ({ page, context, browser }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "See Pipeline for yourself" })).toBeVisible();
  await expect(page.locator("input[type=email], input[name*=mail]")).toHaveCount(0);
  await expectNoAxeViolations(page);

  const sandboxPath = await startDemo(page);
  const tour = page.getByTestId("tour-popover");
  await expect(page.getByRole("dialog", { name: "Welcome to Pipeline" })).toBeVisible();
  await expect(tour).toContainText("Step 1 of 7");
  // Focus is inside the tour so keyboard and screen-reader users land on it.
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest("[data-testid=tour-popover]"))).toBe(true);
  await expectNoAxeViolations(page);

  await tour.getByRole("button", { name: "Start the tour" }).click();
  await expect(page.getByRole("dialog", { name: "Every deal, by stage" })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("dialog", { name: "Your pipeline in one number" })).toBeVisible();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("dialog", { name: "Every deal, by stage" })).toBeVisible();
  await tour.getByRole("button", { name: "Next" }).click();
  await tour.getByRole("button", { name: "Next" }).click();

  // This step waits for a real action in the sandbox.
  await expect(page.getByRole("dialog", { name: "Add a deal of your own" })).toBeVisible();
  await expect(tour.getByRole("button", { name: "Next" })).toHaveCount(0);
  const totalBefore = await page.getByTestId("open-total").textContent();
  await createDeal(page, { title: "Openhouse trial deal", company: "Globex", amount: "25000" });
  await expect(page.getByRole("heading", { level: 1, name: "Openhouse trial deal" })).toBeVisible();

  await expect(page.getByRole("dialog", { name: "Move it forward" })).toBeVisible();
  await page.getByLabel("Move to stage").selectOption({ label: "Qualified" });
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByTestId("deal-stage")).toHaveText("Qualified");

  // A navigate step takes the visitor back to the board, where the tour ends on its call to action.
  await expect(page.getByRole("dialog", { name: "Back on the board" })).toBeVisible();
  await tour.getByRole("button", { name: "Go to Deals board" }).click();
  await page.waitForURL((url) => url.pathname === sandboxPath);

  await expect(page.getByRole("dialog", { name: "A human, when you want one" })).toBeVisible();
  await page.getByRole("button", { name: "Talk to a human" }).click();
  const contact = page.getByRole("region", { name: "Talk to a human" });
  // Nothing is asked of them: one box for their own question, and a way to book a time when nobody is online.
  await expect(contact.getByTestId("team-status")).toBeVisible();
  await expect(contact.getByLabel("Your question")).toBeVisible();
  await expect(contact.getByText("No name or email needed.")).toBeVisible();
  await expect(contact.locator("input, select")).toHaveCount(0);
  await contact.getByRole("button", { name: "Close" }).click();
  await expect(tour.getByRole("link", { name: /Talk to our team/ })).toHaveAttribute("href", /^mailto:|^https?:/);
  await tour.getByRole("button", { name: "Keep exploring" }).click();
  await expect(tour).toBeHidden();

  // The work is really in the sandbox: the board shows it after a reload.
  await page.goto(sandboxPath);
  await expect(page.getByRole("link", { name: "Openhouse trial deal" })).toBeVisible();
  expect(await page.getByTestId("open-total").textContent()).not.toBe(totalBefore);
  await expect(tour).toBeHidden();

  const visitorId = await visitorIdOf(context);
  // Leaving the page sends the last batch with sendBeacon.
  await page.goto("/");

  // The visitor list, newest first (the hot list is /sales itself: tests/e2e/sales-hot-list.spec.ts).
  const { page: repPage, context: repContext } = await openAsRep(browser, "/sales/visitors");
  const row = repPage.getByTestId("visitor-row").filter({ hasText: `Visitor ${visitorId.slice(0, 6)}` });
  await expect(async () => {
    await repPage.reload();
    await expect(row.getByTestId("handraise")).toHaveText("Yes");
  }).toPass({ timeout: 15_000 });
  await expect(row.getByTestId("actions")).toHaveText("2");
  await expect(row.getByTestId("steps")).toHaveText("7 of 7");
  await expectNoAxeViolations(repPage);

  await row.getByRole("link").click();
  await expect(repPage.getByRole("heading", { name: `Visitor ${visitorId.slice(0, 6)}` })).toBeVisible();
  const journey = await repPage.getByTestId("journey-event").allTextContents();
  const firstIndex = (text: string) => journey.findIndex((line) => line.includes(text));
  const story = [
    "Opened the Pipeline basics demo",
    "Started the tour",
    "Completed tour step “welcome”",
    // Recorded by the server when each write committed, with what the visitor really did.
    "In the product: created deal ‘Openhouse trial deal’ $25k",
    "In the product: moved ‘Openhouse trial deal’ to Qualified",
    "Raised a hand",
    "Finished the tour",
  ].map(firstIndex);
  expect(
    story.every((index) => index >= 0),
    journey.join("\n"),
  ).toBe(true);
  expect([...story].sort((a, b) => a - b)).toEqual(story);
  await repContext.close();
});
