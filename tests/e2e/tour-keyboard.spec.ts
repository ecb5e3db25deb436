// The tour by keyboard alone: focus goes into it, keys move it, Esc closes it and focus comes back.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, startDemo } from "./helpers";

const focusIsInTour = (page: import("@playwright/test").Page) =>
  page.evaluate(() => !!document.activeElement?.closest("[data-testid=tour-popover]"));

test("the tour works by keyboard and returns focus when closed", async ({ page }) => {
  await startDemo(page);
  await expect(page.getByRole("dialog", { name: "Welcome to Pipeline" })).toBeVisible();
  // The body's Markdown arrives rendered on the server: bold is an element, not asterisks.
  await expect(page.getByTestId("tour-popover").locator(".tour-body strong")).toHaveText("live copy");
  await expect.poll(() => focusIsInTour(page)).toBe(true);

  // Tab reaches the tour's own buttons; Enter activates the primary one.
  await page.keyboard.press("Tab");
  await expect.poll(() => focusIsInTour(page)).toBe(true);
  await page.getByTestId("tour-popover").getByRole("button", { name: "Start the tour" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Every deal, by stage" })).toBeVisible();
  await expect(page.getByTestId("tour-popover")).toContainText("Step 2 of 7");
  await expect.poll(() => focusIsInTour(page)).toBe(true);
  await expectNoAxeViolations(page);

  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("dialog", { name: "Your pipeline in one number" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("tour-popover")).toBeHidden();
  const resume = page.getByTestId("tour-resume");
  await expect(resume).toBeFocused();

  // Closed tours stay closed across a reload, and resume where they were left.
  await page.reload();
  await expect(page.getByTestId("tour-popover")).toBeHidden();
  await page.getByTestId("tour-resume").press("Enter");
  await expect(page.getByRole("dialog", { name: "Your pipeline in one number" })).toBeVisible();
});

test("arrow keys are left alone while the visitor types in the product", async ({ page }) => {
  const sandboxPath = await startDemo(page);
  await page.getByTestId("tour-popover").getByRole("button", { name: "Start the tour" }).click();
  await page.goto(`${sandboxPath}/deals/new`);
  await page.getByLabel("Deal name").fill("abc");
  await page.getByLabel("Deal name").press("ArrowLeft");
  await expect(page.getByRole("dialog", { name: "Every deal, by stage" })).toBeVisible();
});
