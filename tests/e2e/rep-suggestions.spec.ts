// Show, don't push: a rep answers with a suggestion card — a page of the product or a step of the demo's tour,
// with a line of why. Nothing moves on the prospect's screen until they choose "Show me"; then the page opens
// (or the tour shows that step), the rep's thread says it was opened, and the journey records it.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, openAsRep, startDemo, visitorIdOf } from "./helpers";

test("a rep suggests the forecast page and a tour step; the prospect chooses Show me; the rep sees it opened", async ({ browser }) => {
  const prospectContext = await browser.newContext();
  const prospect = await prospectContext.newPage();
  const board = await startDemo(prospect);
  const visitorId = await visitorIdOf(prospectContext);
  await prospect.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();

  const { page: rep, context: repContext } = await openAsRep(browser, "/sales/conversations");
  await expect(rep.getByTestId("live-status")).toHaveText(/^Live:/);

  await prospect.getByRole("button", { name: "Talk to a human" }).click();
  const panel = prospect.getByTestId("conversation-panel");
  await panel.getByLabel("Your question").fill("Where do I see commit versus best case?");
  await panel.getByLabel("Your question").press("Enter");
  await expect(panel.getByTestId("conversation-thread")).toContainText("Where do I see commit versus best case?");

  await rep.getByTestId("inbox-item").filter({ hasText: "Where do I see commit versus best case?" }).click();
  await expect(rep.getByTestId("team-thread")).toContainText("Where do I see commit versus best case?");
  const suggest = rep.getByRole("form", { name: "Suggest a page or tour step" });
  await suggest.getByLabel("Page or tour step").selectOption({ label: "Forecast" });
  await suggest.getByLabel("Why (one line)").fill("This is where commit vs best case lives");
  await suggest.getByRole("button", { name: "Send suggestion" }).click();
  const sent = rep.getByTestId("suggestion-sent");
  await expect(sent).toContainText("Suggested the page Forecast");
  await expect(sent.getByTestId("suggestion-state")).toHaveText("Not opened yet");
  await expectNoAxeViolations(rep);

  // The card arrives; the prospect's screen stays where it was until they choose.
  const card = panel.getByTestId("suggestion-card");
  await expect(card).toContainText("The Forecast page");
  await expect(card).toContainText("This is where commit vs best case lives");
  await expect(card.getByRole("button", { name: "Not now" })).toBeVisible();
  expect(new URL(prospect.url()).pathname).toBe(board);
  await expectNoAxeViolations(prospect, "[data-testid=conversation-panel]");
  await card.getByRole("button", { name: "Show me" }).click();
  await prospect.waitForURL((url) => url.pathname === `${board}/forecast`);
  await expect(prospect.getByRole("heading", { level: 1, name: "Forecast" })).toBeVisible();

  // The rep's thread says it was opened, without a reload.
  await expect(sent.getByTestId("suggestion-state")).toHaveText("Opened");

  // A tour step: "Show me" takes the prospect to its page and the tour shows that step.
  await suggest.getByLabel("Page or tour step").selectOption({ label: "Your pipeline in one number" });
  await suggest.getByLabel("Why (one line)").fill("One number for the whole pipeline");
  await suggest.getByRole("button", { name: "Send suggestion" }).click();
  await prospect.getByRole("button", { name: "Talk to a human" }).click();
  const stepCard = panel.getByTestId("suggestion-card").filter({ hasText: "Tour step: Your pipeline in one number" });
  await stepCard.getByRole("button", { name: "Not now" }).click();
  await expect(stepCard).toContainText("Saved here for later.");
  expect(new URL(prospect.url()).pathname).toBe(`${board}/forecast`);
  await stepCard.getByRole("button", { name: "Show me" }).click();
  await prospect.waitForURL((url) => url.pathname === board);
  await expect(prospect.getByTestId("tour-popover")).toHaveAttribute("data-step", "total");

  // The journey records it.
  await rep.goto(`/sales/visitors/${visitorId}`);
  const journey = rep.getByTestId("journey-event");
  await expect(async () => {
    await rep.reload();
    await expect(journey.filter({ hasText: "Opened the team's suggestion: Forecast" })).toHaveCount(1);
  }).toPass({ timeout: 15_000 });
  await expect(journey.filter({ hasText: "Opened the team's suggestion: Your pipeline in one number" })).toHaveCount(1);

  await Promise.all([prospectContext.close(), repContext.close()]);
});
