// Not committed: screenshots of the pages this branch changed, at 1280 and 360 px.
import { expect, test } from "./fixtures";
import { createDeal, openAsRep, startDemo } from "./helpers";

const out = "/tmp/committee-shots";

test("screens", async ({ browser }) => {
  for (const width of [1280, 360]) {
    const a = await browser.newContext({ viewport: { width, height: 900 } });
    const inviter = await a.newPage();
    const board = await startDemo(inviter);
    await inviter.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
    await createDeal(inviter, { title: "Globex renewal", company: "Globex", amount: "40000" });
    await expect(inviter.getByRole("heading", { level: 1, name: "Globex renewal" })).toBeVisible();
    await inviter.goto(board);
    if (width === 360) await inviter.getByRole("button", { name: "Menu" }).click();
    await inviter.getByRole("button", { name: "Invite a colleague" }).click();
    const link = inviter.getByTestId("invite-panel").getByLabel("Link to this copy");
    await expect(link).toHaveAttribute("data-path", /^\/join\//);
    const path = (await link.getAttribute("data-path")) ?? "";
    await inviter.screenshot({ path: `${out}/invite-panel-${width}.png` });
    const b = await browser.newContext({ viewport: { width, height: 900 } });
    const colleague = await b.newPage();
    await colleague.goto(path);
    await colleague.screenshot({ path: `${out}/join-page-${width}.png` });
    await colleague.getByRole("button", { name: "Join their copy" }).click();
    await colleague.waitForURL(/joined=1/);
    await expect(inviter.getByTestId("copy-people")).toHaveText("You and 1 colleague");
    await colleague.screenshot({ path: `${out}/joined-${width}.png` });
    await colleague.getByRole("link", { name: "Globex renewal" }).click();
    await colleague.getByLabel("Move to stage").selectOption({ label: "Won" });
    await colleague.getByRole("button", { name: "Move", exact: true }).click();
    await expect(inviter.getByTestId("copy-notice")).toContainText("moved");
    await inviter.screenshot({ path: `${out}/notice-${width}.png`, fullPage: true });
    if (width === 360) await inviter.getByRole("button", { name: "Menu" }).click();
    await inviter.getByRole("button", { name: "Invite a colleague" }).click();
    await inviter.getByTestId("invite-panel").getByRole("button", { name: "Turn the link off" }).click();
    await expect(inviter.getByTestId("invite-panel").getByRole("button", { name: "Make a new link" })).toBeVisible();
    const c = await browser.newContext({ viewport: { width, height: 900 } });
    const third = await c.newPage();
    await third.goto(path);
    await third.screenshot({ path: `${out}/turned-off-${width}.png` });

    // Conversation with a suggestion.
    await colleague.getByRole("button", { name: "Talk to a human" }).click();
    await colleague.getByLabel("Your question").fill("Where is commit vs best case?");
    await colleague.getByLabel("Your question").press("Enter");
    const { page: rep, context: r } = await openAsRep(browser, "/sales/conversations");
    await rep.setViewportSize({ width, height: 1100 });
    await rep.getByTestId("inbox-item").filter({ hasText: "Where is commit vs best case?" }).click();
    const suggest = rep.getByRole("form", { name: "Suggest a page or tour step" });
    await suggest.getByLabel("Page or tour step").selectOption({ label: "Forecast" });
    await suggest.getByLabel("Why (one line)").fill("This is where commit vs best case lives");
    await suggest.getByRole("button", { name: "Send suggestion" }).click();
    await expect(rep.getByTestId("suggestion-sent")).toBeVisible();
    await rep.screenshot({ path: `${out}/rep-conversation-${width}.png`, fullPage: true });
    await expect(colleague.getByTestId("suggestion-card")).toBeVisible();
    await colleague.screenshot({ path: `${out}/prospect-card-${width}.png` });
    await rep.goto("/sales?who=accounts");
    await rep.screenshot({ path: `${out}/hot-list-${width}.png`, fullPage: true });
    await Promise.all([a.close(), b.close(), c.close(), r.close()]);
  }
});
