// The buying committee in one copy: a prospect invites a colleague with a link (no name, no email), the colleague
// joins the same copy with their own identity and sees what was built; what one changes shows on the other's open
// page without a reload, said politely for screen readers too; the link can be turned off, and whoever opens it
// then gets a friendly page with a fresh copy instead. A colleague who asked not to be tracked is "someone", and
// a copy they are in is never shown over anyone's shoulder.
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createDeal, expectNoAxeViolations, openAsRep, startDemo, visitorIdOf } from "./helpers";

/** Opens "Invite a colleague" and answers the copy's link (its path), made on the way if it had none. */
async function inviteLink(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Invite a colleague" }).click();
  const link = page.getByTestId("invite-panel").getByLabel("Link to this copy");
  await expect(link).toHaveAttribute("data-path", /^\/join\/[A-Za-z0-9_-]{32}$/);
  await expect(link).toHaveValue(/^http:\/\/.+\/join\//);
  return (await link.getAttribute("data-path")) ?? "";
}

/** Closes "Invite a colleague" by its button, which says so. */
async function closeInvitePanel(page: Page) {
  const opener = page.getByRole("button", { name: "Invite a colleague" });
  await opener.click();
  await expect(opener).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByTestId("invite-panel")).toBeHidden();
}

/** A browser of its own that opens the link and joins; its page ends on the copy's board. */
async function join(browser: Browser, path: string, options: { gpc?: boolean } = {}) {
  const context = await browser.newContext(options.gpc ? { extraHTTPHeaders: { "sec-gpc": "1" } } : {});
  const page = await context.newPage();
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Join a colleague's copy of Pipeline basics" })).toBeVisible();
  await page.getByRole("button", { name: "Join their copy" }).click();
  await page.waitForURL(/\/s\/[A-Za-z0-9_-]{22}\?joined=1$/);
  // Their own tour greets them, as it greets the inviter; they put it away to work in the copy.
  await page.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
  await expect(page.getByTestId("tour-popover")).toBeHidden();
  return { context, page };
}

async function moveTo(page: Page, stage: string) {
  await page.getByLabel("Move to stage").selectOption({ label: stage });
  await page.getByRole("button", { name: "Move", exact: true }).click();
}

test("a colleague joins the copy, sees the deal, moves it; the inviter's board shows it live; a link turned off gets a friendly page", async ({
  browser,
}) => {
  // Four browsers and six axe runs in one story: on PostgreSQL beside other suites it outlasts the default 120 s.
  test.setTimeout(240_000);
  const inviterContext = await browser.newContext();
  const inviter = await inviterContext.newPage();
  const board = await startDemo(inviter);
  await inviter.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
  await createDeal(inviter, { title: "Globex renewal", company: "Globex", amount: "40000" });
  await expect(inviter.getByRole("heading", { level: 1, name: "Globex renewal" })).toBeVisible();
  await inviter.goto(board);
  const path = await inviteLink(inviter);
  await expect(inviter.getByTestId("copy-people")).toHaveText("Only you so far");
  await expectNoAxeViolations(inviter);
  // Closed again, as a person would before going back to the board it covers.
  await closeInvitePanel(inviter);
  // Marks this page: a reload would lose it.
  await inviter.evaluate(() => {
    (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
  });

  // The colleague: the invitation asks nothing of them, one click joins, and they land in the same copy.
  const colleagueContext = await browser.newContext();
  const preview = await colleagueContext.newPage();
  expect((await preview.goto(path))?.status()).toBe(200);
  await expectNoAxeViolations(preview);
  await preview.close();
  const { context: joinedContext, page: colleague } = await join(browser, path);
  await colleagueContext.close();
  expect(new URL(colleague.url()).pathname).toBe(board);
  await expect(colleague.getByRole("status").filter({ hasText: "You joined a colleague's copy." })).toBeVisible();
  expect(await visitorIdOf(joinedContext)).not.toBe(await visitorIdOf(inviterContext));
  await expect(colleague.getByRole("link", { name: "Globex renewal" })).toBeVisible();
  await expect(colleague.getByText("Shared copy", { exact: true })).toBeVisible();
  await expectNoAxeViolations(colleague);

  // The inviter's open board learns of it: who is in the copy, and who has it open now.
  await expect(inviter.getByTestId("copy-notice")).toHaveText("A colleague joined this copy");
  await expect(inviter.getByTestId("copy-people")).toHaveText("You and 1 colleague");
  await expect(inviter.getByTestId("copy-presence")).toHaveText("2 people in this copy now");
  await expect(colleague.getByTestId("copy-presence")).toHaveText("2 people in this copy now");

  // The colleague moves the deal; the inviter's board shows it, without a reload, and says who did what.
  await colleague.getByRole("link", { name: "Globex renewal" }).click();
  await moveTo(colleague, "Won");
  // Once the move is saved (the mover's own page shows it), the inviter's open board has it within 2 s — the
  // issue's promise, so this one wait is bounded by it rather than by the suite's default.
  await expect(colleague.getByTestId("deal-stage")).toHaveText("Won");
  const notice = inviter.getByTestId("copy-notice");
  await expect(inviter.getByRole("region", { name: /^Won/ }).getByRole("link", { name: "Globex renewal" })).toBeVisible({
    timeout: 2_000,
  });
  await expect(notice).toHaveText("A colleague moved ‘Globex renewal’ to Won");
  await expect(notice).toHaveAttribute("role", "status");
  expect(await inviter.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  await expectNoAxeViolations(inviter);

  // Two people saving the same deal: the later save wins, and each sees the result.
  await inviter.getByRole("region", { name: /^Won/ }).getByRole("link", { name: "Globex renewal" }).click();
  await moveTo(inviter, "Negotiation");
  await expect(colleague.getByTestId("copy-notice")).toHaveText("A colleague moved ‘Globex renewal’ to Negotiation");
  // As a person would, they see the new stage before choosing the next one (the stage list changes with it).
  await expect(colleague.getByTestId("deal-stage")).toHaveText("Negotiation");
  await moveTo(colleague, "Proposal");
  await expect(inviter.getByTestId("copy-notice")).toHaveText("A colleague moved ‘Globex renewal’ to Proposal");
  await expect(inviter.getByLabel("Move to stage")).not.toContainText("Proposal");

  // Reset asks first, and says it resets the copy for everyone.
  await colleague.getByRole("button", { name: "Reset demo" }).click();
  await expect(colleague.getByText("This resets it for everyone in this shared copy")).toBeVisible();
  await colleague.getByRole("button", { name: "Cancel" }).click();

  // The inviter turns the link off: a third browser gets a friendly page with a fresh copy of its own.
  await inviter.goto(board);
  await inviter.getByRole("button", { name: "Invite a colleague" }).click();
  await inviter.getByTestId("invite-panel").getByRole("button", { name: "Turn the link off" }).click();
  await expect(inviter.getByTestId("invite-panel").getByRole("button", { name: "Make a new link" })).toBeVisible();
  const thirdContext = await browser.newContext();
  const third = await thirdContext.newPage();
  expect((await third.goto(path))?.status()).toBe(410);
  await expect(third.getByRole("heading", { name: "This invite link was turned off" })).toBeVisible();
  await expectNoAxeViolations(third);
  await third.getByRole("link", { name: "Start a fresh copy of Pipeline basics" }).click();
  await third.waitForURL(/\/s\/[A-Za-z0-9_-]{22}$/);
  expect(new URL(third.url()).pathname).not.toBe(board);
  await expect(third.getByRole("link", { name: "Globex renewal" })).toHaveCount(0);
  // The one who joined stays in.
  await colleague.goto(board);
  await expect(colleague.getByRole("link", { name: "Globex renewal" })).toBeVisible();

  // The rep sees the committee: one group of two on the hot list, its journey interleaving both, with who invited whom.
  const group = `Shared copy ${board.slice("/s/".length, "/s/".length + 6)}`;
  const { page: rep, context: repContext } = await openAsRep(browser, "/sales?who=accounts");
  const row = rep.getByTestId("hot-row").filter({ hasText: group });
  await expect(async () => {
    await rep.reload();
    await expect(row.getByTestId("reasons")).toContainText("1 colleague +15");
  }).toPass({ timeout: 15_000 });
  await expect(row).toContainText("2 people");
  await expectNoAxeViolations(rep);
  await row.getByRole("link", { name: "journey" }).click();
  await expect(rep.getByRole("heading", { name: `${group}: journey` })).toBeVisible();
  const people = rep.getByTestId("people").getByRole("listitem");
  await expect(people).toHaveCount(2);
  await expect(people.filter({ hasText: "invited by Visitor 1" })).toHaveCount(1);
  const events = rep.getByTestId("journey-event");
  await expect(events.filter({ hasText: "Visitor 1: In the product: created deal ‘Globex renewal’ $40k" })).toHaveCount(1);
  await expect(events.filter({ hasText: "Visitor 2: In the product: moved ‘Globex renewal’ to Won" })).toHaveCount(1);
  await expect(events.filter({ hasText: "Visitor 1: In the product: moved ‘Globex renewal’ to Negotiation" })).toHaveCount(1);
  await expectNoAxeViolations(rep);

  await Promise.all([inviterContext.close(), joinedContext.close(), thirdContext.close(), repContext.close()]);
});

test("a colleague who asked not to be tracked works in the copy, is not listed, and their changes show as someone's", async ({
  browser,
}) => {
  const inviterContext = await browser.newContext();
  const inviter = await inviterContext.newPage();
  const board = await startDemo(inviter);
  await inviter.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
  await createDeal(inviter, { title: "Initech pilot", company: "Initech", amount: "25000" });
  await expect(inviter.getByRole("heading", { level: 1, name: "Initech pilot" })).toBeVisible();
  await inviter.goto(board);
  const path = await inviteLink(inviter);
  await closeInvitePanel(inviter);

  const { context, page: privateColleague } = await join(browser, path, { gpc: true });
  await expect(inviter.getByTestId("copy-notice")).toHaveText("Someone joined this copy");
  await privateColleague.getByRole("link", { name: "Initech pilot" }).click();
  await moveTo(privateColleague, "Won");
  await expect(inviter.getByTestId("copy-notice")).toHaveText("Someone moved ‘Initech pilot’ to Won");
  await expect(inviter.getByRole("region", { name: /^Won/ }).getByRole("link", { name: "Initech pilot" })).toBeVisible();
  await inviter.getByRole("button", { name: "Invite a colleague" }).click();
  await expect(inviter.getByTestId("copy-people")).toBeVisible();
  await expect(inviter.getByTestId("copy-people")).toHaveText("Only you so far");

  // What the private colleague typed is in the copy: nobody on the team may look over the inviter's shoulder now.
  const { page: rep, context: repContext } = await openAsRep(browser, `/sales/visitors/${await visitorIdOf(inviterContext)}/sandbox`);
  await expect(rep.getByRole("heading", { name: "This copy is not shown" })).toBeVisible();
  await expect(rep.getByTestId("shoulder-read-only")).toHaveCount(0);
  await expect(rep.getByText("Nobody has looked yet.")).toBeVisible();
  await expectNoAxeViolations(rep);
  await Promise.all([inviterContext.close(), context.close(), repContext.close()]);
});
