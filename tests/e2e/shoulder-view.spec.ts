// Looking over a prospect's shoulder: their copy as it is now, read-only, in the rep's own session; every
// opening logged; never for a browser that sent GPC or Do-Not-Track. The prospect is told, in the product.
import fs from "node:fs";
import { expect, test } from "./fixtures";
import { createDeal, expectNoAxeViolations, openAsRep, startDemo, visitorIdOf } from "./helpers";

test("the rep sees the prospect's new deal read-only, cannot change it, and the opening is logged", async ({ browser }) => {
  const prospect = await browser.newContext();
  const tab = await prospect.newPage();
  const sandboxPath = await startDemo(tab);
  await expect(tab.getByText("Our team may look at this copy to help you.")).toBeVisible();
  await createDeal(tab, { title: "Shoulder renewal", company: "Hooli", amount: "52000" });
  await tab.waitForURL(/\/deals\/\d+$/);
  const visitorId = await visitorIdOf(prospect);

  const { page, context } = await openAsRep(browser, `/sales/visitors/${visitorId}/sandbox`);
  await expect(page.getByTestId("shoulder-read-only")).toBeVisible();
  await expect(page.getByTestId("shoulder-deal").filter({ hasText: "Shoulder renewal" })).toContainText("Hooli · $52,000");
  await expect(page.getByTestId("shoulder-log-entry").first()).toContainText("Riley Rep");
  // Nothing on the page can change their copy: no form, no control, no way into the product itself.
  await expect(page.locator("main form, main button, main input, main select, main textarea")).toHaveCount(0);
  await expect(page.locator('main a[href^="/s/"]')).toHaveCount(0);
  await expectNoAxeViolations(page, "main");

  // A forged write from the rep's session: the product's own pages and actions know no rep, only the
  // prospect's cookie, so the write is refused and their board is unchanged.
  const dealsBefore = await tab.goto(sandboxPath).then(() => tab.locator(".deal-card").count());
  const forged = await page.request.post(`${sandboxPath}/deals/new`, {
    form: { title: "Written by the rep", companyId: "1", amount: "1", stage: "lead" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBeGreaterThanOrEqual(300);
  // The product's own Server Action, called with the rep's session: no prospect cookie, no sandbox.
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  const createDealId = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "createDealAction")?.[0] ?? "";
  // The fields as React sends a form's ("_1_<name>" for the FormData that "$K1" stands for), from the app's own
  // origin as its pages send it, so that nothing but whose cookie it carries decides.
  const createDealCall = (title: string) => {
    const multipart = new FormData();
    for (const [name, value] of Object.entries({ title, companyId: "1", amount: "1", stage: "lead" }))
      multipart.append(`_1_${name}`, value);
    // The arguments go last: the action's FormData holds only the parts before them (an object would put "0" first).
    multipart.append("0", JSON.stringify([sandboxPath.split("/")[2], null, "$K1"]));
    return { headers: { "next-action": createDealId, origin: new URL(tab.url()).origin }, multipart, maxRedirects: 0 };
  };
  const forgedAction = await page.request.post(`${sandboxPath}/deals/new`, createDealCall("Written by the rep"));
  expect(forgedAction.status()).toBeLessThan(500);
  await tab.reload();
  await expect(tab.locator(".deal-card")).toHaveCount(dealsBefore);
  await expect(tab.getByText("Written by the rep")).toHaveCount(0);
  // The same request with the prospect's own cookie does write: the refusal above is the rep's, not the encoding's.
  const ownAction = await tab.request.post(`${sandboxPath}/deals/new`, createDealCall("Written by the prospect"));
  expect(ownAction.status()).toBeLessThan(400);
  await tab.goto(sandboxPath);
  await expect(tab.locator(".deal-card")).toHaveCount(dealsBefore + 1);
  await expect(tab.getByText("Written by the prospect")).toBeVisible();

  // Opening it again is logged again.
  await page.reload();
  await expect(page.getByTestId("shoulder-log-entry")).toHaveCount(2);
  await context.close();
  await prospect.close();
});

test("a visitor who sent Global Privacy Control is never viewable, and the page says why", async ({ browser }) => {
  const prospect = await browser.newContext({ extraHTTPHeaders: { "Sec-GPC": "1" } });
  const tab = await prospect.newPage();
  await startDemo(tab);
  const visitorId = await visitorIdOf(prospect);
  const { page, context } = await openAsRep(browser, "/sales");
  const response = await page.goto(`/sales/visitors/${visitorId}/sandbox`);
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("shoulder-private")).toContainText("Global Privacy Control or Do-Not-Track");
  await expect(page.getByTestId("shoulder-deal")).toHaveCount(0);
  await context.close();
  await prospect.close();
});

test("the privacy page tells prospects the team may look at their copy", async ({ page }) => {
  await page.goto("/privacy");
  await expect(page.getByText("Our team may look at this copy to help you")).toBeVisible();
});
