// The conversation as people expect a chat to work: Enter sends and Shift+Enter starts a new line on both sides;
// the rep reads the demo's title, not its slug; and a copy made from a personalised link (`?company=Globex`) is
// said to be made for Globex wherever the rep meets that visitor — hot list, journey, Live now, conversation.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createDeal, expectNoAxeViolations, openAsRep, visitorIdOf } from "./helpers";

async function openPanel(page: Page) {
  await page.getByRole("button", { name: "Talk to a human" }).click();
  const panel = page.getByTestId("conversation-panel");
  await expect(panel).toBeVisible();
  return panel;
}

test("Enter sends and Shift+Enter breaks the line both ways; the rep reads the demo's title and whom the copy was made for", async ({
  browser,
}) => {
  const prospectContext = await browser.newContext();
  const prospect = await prospectContext.newPage();
  await prospect.goto("/try/pipeline-basics?company=Globex");
  await prospect.waitForURL(/\/s\/[A-Za-z0-9_-]{22}$/);
  const visitorId = await visitorIdOf(prospectContext);
  await prospect.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
  await createDeal(prospect, { title: "Globex pilot", company: "Globex", amount: "30000" });
  await expect(prospect.getByRole("heading", { level: 1, name: "Globex pilot" })).toBeVisible();

  const { page: rep, context: repContext } = await openAsRep(browser, "/sales/conversations");
  await expect(rep.getByTestId("live-status")).toHaveText(/^Live:/);

  // The prospect writes two lines with Shift+Enter and sends with Enter: no click on Send.
  const panel = await openPanel(prospect);
  await expect(panel.getByText("Enter sends, Shift+Enter starts a new line.")).toBeVisible();
  const question = panel.getByLabel("Your question");
  await question.pressSequentially("Does it do quotas?");
  await question.press("Shift+Enter");
  await question.pressSequentially("And territories?");
  await expect(question).toHaveValue("Does it do quotas?\nAnd territories?");
  await question.press("Enter");
  const sent = panel.getByTestId("conversation-thread").locator(".from-visitor p");
  await expect(sent).toHaveText("Does it do quotas?\nAnd territories?");
  // toHaveText folds whitespace; the line break itself must have been sent.
  expect(await sent.textContent()).toBe("Does it do quotas?\nAnd territories?");
  await expect(question).toHaveValue("");
  // Enter in an empty box sends nothing: still the one message.
  await question.press("Enter");
  await expect(sent).toHaveCount(1);

  // The rep's inbox and context name the demo by its title, and say whom the copy was made for.
  const item = rep.getByTestId("inbox-item").filter({ hasText: "Does it do quotas?" });
  await expect(item).toContainText("Pipeline basics");
  await expect(item).not.toContainText("pipeline-basics");
  await item.click();
  const context = rep.getByTestId("conversation-context");
  await expect(context).toContainText("Pipeline basics");
  await expect(context).not.toContainText("pipeline-basics");
  await expect(context.getByTestId("made-for")).toContainText("Globex");
  await expectNoAxeViolations(rep);

  // The rep answers the same way.
  const reply = rep.getByLabel("Reply");
  await reply.pressSequentially("Quotas: yes.");
  await reply.press("Shift+Enter");
  await reply.pressSequentially("Territories: next month.");
  await reply.press("Enter");
  const answer = panel.getByTestId("conversation-thread").locator(".from-team p");
  await expect(answer).toHaveText("Quotas: yes.\nTerritories: next month.");
  expect(await answer.textContent()).toBe("Quotas: yes.\nTerritories: next month.");
  await expect(reply).toHaveValue("");
  await expect(rep.getByTestId("team-thread").locator(".from-team")).toHaveCount(1);
  await expectNoAxeViolations(prospect, "[data-testid=conversation-panel]");

  // Hot list: the visitor, with the company as a hint beside their number.
  await rep.goto("/sales?who=anonymous");
  const row = rep.getByTestId("hot-row").filter({ hasText: `Visitor ${visitorId.slice(0, 6)}` });
  await expect(async () => {
    await rep.reload();
    await expect(row.getByTestId("made-for")).toHaveText("· copy made for Globex");
  }).toPass({ timeout: 15_000 });
  await expectNoAxeViolations(rep);

  // Their journey.
  await rep.goto(`/sales/visitors/${visitorId}`);
  await expect(rep.getByTestId("visitor-facts").getByTestId("made-for")).toContainText("copy made for Globex");
  await expectNoAxeViolations(rep);

  // Live now.
  await rep.goto("/sales/live");
  await expect(rep.locator(`[data-visitor="${visitorId}"]`).getByTestId("made-for")).toHaveText("· copy made for Globex");
  await expectNoAxeViolations(rep);

  await Promise.all([prospectContext.close(), repContext.close()]);
});
