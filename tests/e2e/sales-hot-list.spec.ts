// The rep's default page: a prospect who created a deal and raised a hand is ranked, with those reasons,
// above one who only looked; filters in the URL narrow it; journeys tell what each did.
import { expect, test } from "./fixtures";
import { createDeal, expectNoAxeViolations, openAsRep, startDemo, visitorIdOf } from "./helpers";
import { attributeToAccount, sendTourSignal } from "./insights";

test("the hot list ranks a prospect who acted above one who looked, filters narrow it, and journeys tell it", async ({ browser }) => {
  const looker = await browser.newContext();
  const lookerPage = await looker.newPage();
  await startDemo(lookerPage);
  const lookerId = await visitorIdOf(looker);
  // Closing the tour is the one thing they do: a person looking around (an automated browser that never
  // interacts is left out of the list, as a mail scanner would be), with nothing that earns points.
  await lookerPage.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
  await lookerPage.goto("/");

  const doer = await browser.newContext();
  const page = await doer.newPage();
  const sandboxPath = await startDemo(page);
  const doerId = await visitorIdOf(doer);
  await sendTourSignal(page, sandboxPath, { type: "tour.choice", step: "board", props: { option: "forecast", label: "Forecast" } });
  await page.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
  await createDeal(page, { title: "Globex renewal", company: "Globex", amount: "40000" });
  await expect(page.getByRole("heading", { level: 1, name: "Globex renewal" })).toBeVisible();
  await page.getByRole("button", { name: "Talk to a human" }).click();
  await expect(page.getByRole("region", { name: "Talk to a human" })).toBeVisible();
  await page.goto("/");

  const { page: rep, context: repContext } = await openAsRep(browser, "/sales?who=anonymous");
  await expect(rep.getByRole("heading", { name: "Hot list" })).toBeVisible();
  const rowOf = (id: string) => rep.getByTestId("hot-row").filter({ hasText: `Visitor ${id.slice(0, 6)}` });
  await expect(async () => {
    await rep.reload();
    await expect(rowOf(doerId).getByTestId("reasons")).toContainText("raised a hand +50");
  }).toPass({ timeout: 15_000 });
  await expect(rowOf(doerId).getByTestId("reasons")).toContainText("created a deal +8");
  await expect(rowOf(doerId).getByTestId("reasons")).toContainText("answered a question +5");
  await expect(rowOf(doerId).getByTestId("handraise")).toHaveText("Yes");
  await expect(rowOf(lookerId).getByTestId("reasons")).toHaveText("only looked around");
  const order = await rep.getByTestId("hot-row").allTextContents();
  const at = (id: string) => order.findIndex((text) => text.includes(`Visitor ${id.slice(0, 6)}`));
  expect(at(doerId)).toBeGreaterThanOrEqual(0);
  expect(at(lookerId)).toBeGreaterThan(at(doerId));
  await expectNoAxeViolations(rep);

  // The filters are a plain form: they land in the URL, so the narrowed list can be shared.
  await rep.getByLabel("Raised a hand").check();
  await rep.getByRole("button", { name: "Apply filters" }).click();
  await expect(rep).toHaveURL(/[?&]hand=1/);
  await expect(rowOf(doerId)).toHaveCount(1);
  await expect(rowOf(lookerId)).toHaveCount(0);
  await rep.goto("/sales?who=accounts");
  await expect(rowOf(doerId)).toHaveCount(0);

  await rep.goto("/sales?who=anonymous");
  await rowOf(doerId)
    .getByRole("link", { name: `Visitor ${doerId.slice(0, 6)}` })
    .click();
  await expect(rep.getByRole("heading", { name: `Visitor ${doerId.slice(0, 6)}` })).toBeVisible();
  const journey = rep.getByTestId("journey-event");
  await expect(journey.filter({ hasText: "In the product: created deal ‘Globex renewal’ $40k" })).toHaveCount(1);
  await expect(journey.filter({ hasText: "Answered ‘Every deal, by stage’ → Forecast" })).toHaveCount(1);
  await expect(journey.filter({ hasText: "Raised a hand" })).toHaveCount(1);
  await expect(rep.getByTestId("visitor-facts")).toContainText("desktop");
  await expect(rep.getByTestId("visitor-facts").getByTestId("reasons")).toContainText("raised a hand +50");
  await expectNoAxeViolations(rep);
  await Promise.all([looker.close(), doer.close(), repContext.close()]);
});

test("an account ranks as one row, and its journey interleaves its people", async ({ browser, server }) => {
  const account = { id: "e2e-initech", name: "Initech" };
  const people = await Promise.all([browser.newContext(), browser.newContext()]);
  for (const [index, context] of people.entries()) {
    const page = await context.newPage();
    await startDemo(page);
    await attributeToAccount(server, await visitorIdOf(context), account);
    await page.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
    await createDeal(page, { title: `Initech deal ${index + 1}`, company: "Globex", amount: "12000" });
    await expect(page.getByRole("heading", { level: 1, name: `Initech deal ${index + 1}` })).toBeVisible();
    await page.goto("/");
  }
  const { page: rep, context: repContext } = await openAsRep(browser, "/sales?who=accounts");
  const row = rep.getByTestId("hot-row").filter({ hasText: "Initech" });
  await expect(async () => {
    await rep.reload();
    await expect(row.getByTestId("reasons")).toContainText("1 colleague +15");
  }).toPass({ timeout: 15_000 });
  await expect(row.getByTestId("reasons")).toContainText("created 2 deals +16");
  await expect(row.getByRole("link", { name: "Initech" })).toHaveAttribute("href", `/sales/accounts/${account.id}`);
  await row.getByRole("link", { name: "journey" }).click();
  await expect(rep.getByRole("heading", { name: "Initech: journey" })).toBeVisible();
  await expect(rep.getByTestId("people").getByRole("listitem")).toHaveCount(2);
  await expect(
    rep.getByTestId("journey-event").filter({ hasText: "Visitor 1: In the product: created deal ‘Initech deal 1’ $12k" }),
  ).toHaveCount(1);
  await expect(
    rep.getByTestId("journey-event").filter({ hasText: "Visitor 2: In the product: created deal ‘Initech deal 2’ $12k" }),
  ).toHaveCount(1);
  await expect(rep.getByTestId("account-score")).toContainText("1 colleague +15");
  await expectNoAxeViolations(rep);
  await Promise.all([...people.map((context) => context.close()), repContext.close()]);
});
