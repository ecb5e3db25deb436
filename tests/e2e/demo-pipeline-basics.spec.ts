// pipeline-basics, the awareness demo, end to end: the whole tour by keyboard alone with axe on every step,
// a wait-for-action step whose field must match (moved to Qualified, not just moved), a reload mid-tour that
// resumes at the same step, a navigate step back to the board, the CTA at the end, and a 360×640 run.

import {
  expectPopoverInViewport,
  expectStep,
  popover,
  pressByKeyboard,
  pressTourButton,
  recordStepStates,
  tabTo,
  tryDemo,
} from "./demo-tour";
import { expect, test } from "./fixtures";

// A whole demo walked with axe at every step: the longest tests of the suite, slower still beside other workers.
test.describe.configure({ timeout: 300_000 });

test("the whole tour by keyboard: real actions, a field match, a reload that resumes, a navigate step, the CTA", async ({ page }) => {
  const stepStates = await recordStepStates(page);
  const sandbox = await tryDemo(page, "Pipeline basics");
  await expectStep(page, "Welcome to Pipeline");
  await expect(popover(page)).toContainText("Step 1 of 7");
  await pressTourButton(page, "Start the tour");
  await expectStep(page, "Every deal, by stage");
  await pressTourButton(page, "Next");
  await expectStep(page, "Your pipeline in one number");
  await pressTourButton(page, "Next");
  await expectStep(page, "Add a deal of your own");

  // The product, by keyboard: New deal, the form, Create deal.
  await pressByKeyboard(page, page.locator("[data-tour=new-deal-button]"));
  await page.waitForURL(/\/deals\/new$/);
  await tabTo(page, page.getByLabel("Deal name"));
  await page.keyboard.type("Keyboard renewal");
  await tabTo(page, page.getByLabel("Company"));
  await page.keyboard.type("Globex");
  await expect(page.getByLabel("Company")).toHaveValue(/\d+/);
  await tabTo(page, page.getByLabel("Amount (USD)"));
  await page.keyboard.type("40000");
  await pressByKeyboard(page, page.getByRole("button", { name: "Create deal" }));
  await page.waitForURL(/\/deals\/\d+$/);
  await expectStep(page, "Move it forward");
  // A late target: the step comes with the deal, before the deal's page (and its stage control) is there;
  // the card says it is looking, then goes to the control when the page arrives.
  await expect(popover(page)).toHaveAttribute("data-mode", "anchored");
  const states = await stepStates();
  expect(states.indexOf("move-stage:docked:looking")).toBeGreaterThan(-1);
  expect(states.indexOf("move-stage:anchored")).toBeGreaterThan(states.indexOf("move-stage:docked:looking"));

  // A reload mid-tour comes back on the same step.
  await page.reload();
  await expectStep(page, "Move it forward", { axe: false });
  await expect(popover(page)).toContainText("Step 5 of 7");

  // Moving the deal to a stage the step does not ask for does not count.
  const stage = page.getByLabel("Move to stage");
  await tabTo(page, stage);
  await page.keyboard.type("Proposal");
  await expect(stage).toHaveValue("proposal");
  await pressByKeyboard(page, page.getByRole("button", { name: "Move", exact: true }));
  await expect(page.getByTestId("deal-stage")).toHaveText("Proposal");
  await expect(popover(page).getByRole("heading", { name: "Move it forward" })).toBeVisible();
  await tabTo(page, stage);
  await page.keyboard.type("Qualified");
  await expect(stage).toHaveValue("qualified");
  await pressByKeyboard(page, page.getByRole("button", { name: "Move", exact: true }));
  await expectStep(page, "Back on the board");

  // The navigate step's button takes the visitor to the board by the App Router, and the tour goes on there.
  await pressTourButton(page, "Go to Deals board");
  await page.waitForURL((url) => url.pathname === sandbox);
  await expectStep(page, "A human, when you want one");
  await expect(page.getByRole("link", { name: "Keyboard renewal" })).toBeVisible();
  const cta = popover(page).getByRole("link", { name: /Talk to our team/ });
  await expect(cta).toHaveAttribute("href", /^mailto:|^https:/);
  await pressTourButton(page, "Keep exploring");
  await expect(popover(page)).toBeHidden();
  await expect(page.getByTestId("tour-resume")).toHaveText("Restart tour");
});

test("at 360×640 the tour fits the screen and its navigate step still finds the board", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  const sandbox = await tryDemo(page, "Pipeline basics");
  await expectStep(page, "Welcome to Pipeline");
  await expectPopoverInViewport(page);
  await popover(page).getByRole("button", { name: "Start the tour" }).click();
  await expectStep(page, "Every deal, by stage");
  await expectPopoverInViewport(page);
  await popover(page).getByRole("button", { name: "Next" }).click();
  await popover(page).getByRole("button", { name: "Next" }).click();
  await expectStep(page, "Add a deal of your own");
  // On a phone the form is sent from the keyboard's Go key (Enter in its last field): the docked step card sits
  // over the bottom of this short page until the tour's bottom sheet (tour-runtime) keeps clear of it.
  await page.locator("[data-tour=new-deal-button]").click();
  await page.getByLabel("Deal name").fill("Small screen deal");
  await page.getByLabel("Company").selectOption({ label: "Initech" });
  await page.getByLabel("Amount (USD)").fill("5000");
  await page.getByLabel("Amount (USD)").press("Enter");
  await page.waitForURL(/\/deals\/\d+$/);
  await expectStep(page, "Move it forward");
  await page.getByLabel("Move to stage").selectOption("qualified");
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await expectStep(page, "Back on the board");
  await expectPopoverInViewport(page);
  // Getting there by themselves completes the navigate step too.
  await page.getByRole("link", { name: "Pipeline", exact: true }).click();
  await page.waitForURL((url) => url.pathname === sandbox);
  await expectStep(page, "A human, when you want one");
  await expectPopoverInViewport(page);
});
