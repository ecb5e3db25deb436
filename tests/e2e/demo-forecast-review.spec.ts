// forecast-review, the consideration demo, end to end: a navigate step to the forecast, the choice
// "What do you review first?" down each of its paths, a wait-for-action step that counts only a move to
// Negotiation (done on the real deal page), a reload mid-tour that resumes at the same step, keyboard-only
// completion with axe on every step, a 360×640 run, and the visitor's answer sent as a tour.choice signal.

import { expectPopoverInViewport, expectStep, popover, pressByKeyboard, pressTourButton, tabTo, tryDemo } from "./demo-tour";
import { expect, test } from "./fixtures";
import { expectChartLabelsApart } from "./helpers";

const money = (text: string | null) => Number((text ?? "").replace(/[^0-9]/g, ""));

// A whole demo walked with axe at every step: the longest tests of the suite, slower still beside other workers.
test.describe.configure({ timeout: 300_000 });

test("the months path by keyboard alone, with a field match, a reload and the CTA", async ({ page }) => {
  const sandbox = await tryDemo(page, "Forecast review");
  await expectStep(page, "Your quarter, in one review");
  await pressTourButton(page, "Start the review");
  await expectStep(page, "Open the forecast");
  await pressTourButton(page, "Go to Forecast");
  await page.waitForURL(`**${sandbox}/forecast`);
  await expectStep(page, "Three numbers, one rule each");
  await pressTourButton(page, "Next");
  await expectStep(page, "What do you review first?");
  await pressTourButton(page, "The months ahead");
  await expectStep(page, "The quarter, month by month");
  await expect(popover(page)).toContainText("Step 5 of 11");

  // A reload mid-tour, on the page the navigate step led to, resumes at the same step.
  await page.reload();
  await expectStep(page, "The quarter, month by month", { axe: false });
  await pressTourButton(page, "Next");
  await expectStep(page, "The same numbers, exactly");
  // Back walks the trail the visitor took, to the choice and no further than its answer's path.
  await pressTourButton(page, "Back");
  await expectStep(page, "The quarter, month by month", { axe: false });
  await pressTourButton(page, "Next");
  await pressTourButton(page, "Next");
  await expectStep(page, "Pull a deal into commit");
  const commitBefore = money(await page.getByTestId("forecast-by-month-total-commit").textContent());
  await pressTourButton(page, "Go to Deals board");
  await page.waitForURL((url) => url.pathname === sandbox);
  await expectStep(page, "Move it to Negotiation");

  // Moving another deal, or this one elsewhere, is not the move the step waits for.
  await pressByKeyboard(page, page.getByRole("link", { name: "Globex field-ops pilot" }));
  await page.waitForURL(/\/deals\/\d+$/);
  await tabTo(page, page.getByLabel("Move to stage"));
  await page.keyboard.type("Won");
  await pressByKeyboard(page, page.getByRole("button", { name: "Move", exact: true }));
  await expect(page.getByTestId("deal-stage")).toHaveText("Won");
  await expect(popover(page).getByRole("heading", { name: "Move it to Negotiation" })).toBeVisible();

  await page.goto(sandbox);
  await pressByKeyboard(page, page.getByRole("link", { name: "Umbrella clinics integration" }));
  await page.waitForURL(/\/deals\/\d+$/);
  await tabTo(page, page.getByLabel("Move to stage"));
  await expect(page.getByLabel("Move to stage")).toHaveValue("negotiation");
  await pressByKeyboard(page, page.getByRole("button", { name: "Move", exact: true }));
  await expectStep(page, "Back to the forecast");
  await pressTourButton(page, "Go to Forecast");
  await page.waitForURL(`**${sandbox}/forecast`);
  await expectStep(page, "Commit follows the deal");
  const commitAfter = money(await page.getByTestId("forecast-by-month-total-commit").textContent());
  expect(commitAfter - commitBefore).toBe(87_000);
  await pressTourButton(page, "Next");
  await expectStep(page, "See it with your own pipeline");
  await expect(popover(page)).toContainText("Step 11 of 11");
  const cta = popover(page).getByRole("link", { name: /Book a forecast walkthrough/ });
  await expect(cta).toHaveAttribute("target", "_blank");
  await pressTourButton(page, "Keep exploring");
  await expect(page.getByTestId("tour-resume")).toHaveText("Restart tour");
});

test("the owners path at 360×640, arriving on the forecast by the product's own menu; the answer is a signal", async ({ page }) => {
  // What the tour sends to the signals API, as it sends it (the rep's journey reads these events).
  const sent: { type: string; step?: string; props?: Record<string, unknown> }[] = [];
  page.on("request", (request) => {
    if (!request.url().endsWith("/api/signals") || request.method() !== "POST") return;
    try {
      sent.push(...(JSON.parse(request.postData() ?? "{}").events ?? []));
    } catch {
      // A beacon body the test cannot read is not what this test checks.
    }
  });
  await page.setViewportSize({ width: 360, height: 640 });
  const sandbox = await tryDemo(page, "Forecast review");
  await expectStep(page, "Your quarter, in one review");
  await expectPopoverInViewport(page);
  await popover(page).getByRole("button", { name: "Start the review" }).click();
  await expectStep(page, "Open the forecast");
  // Getting there by themselves (the folded menu) completes the navigate step just as its button does.
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("link", { name: "Forecast" }).click();
  await page.waitForURL(`**${sandbox}/forecast`);
  await expectStep(page, "Three numbers, one rule each");
  await popover(page).getByRole("button", { name: "Next" }).click();
  await expectStep(page, "What do you review first?");
  await expectPopoverInViewport(page);
  await popover(page).getByRole("button", { name: "My team, owner by owner" }).click();
  await expectStep(page, "Who carries the quarter");
  await expectPopoverInViewport(page);
  // The owners' names under their bars can be read on the phone.
  await expectChartLabelsApart(page);
  await expect(popover(page)).toContainText("Step 5 of 10");
  await popover(page).getByRole("button", { name: "Next" }).click();
  await expectStep(page, "Pull a deal into commit");
  await popover(page).getByRole("button", { name: "Go to Deals board" }).click();
  await expectStep(page, "Move it to Negotiation");
  await page.getByRole("link", { name: "Umbrella clinics integration" }).click();
  await page.getByLabel("Move to stage").selectOption("negotiation");
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await expectStep(page, "Back to the forecast");
  await expectPopoverInViewport(page);

  const described = () =>
    sent
      .filter((event) => event.type === "tour.choice" || event.type === "tour.navigated")
      .map((event) => `${event.type} ${event.step} ${JSON.stringify(event.props)}`);
  await expect
    .poll(described)
    .toEqual([
      'tour.navigated open-forecast {"locale":"en","route":"forecast"}',
      'tour.choice first-look {"locale":"en","option":"owners","label":"My team, owner by owner"}',
      'tour.navigated open-board {"locale":"en","route":"board"}',
    ]);
});
