// A demo's funnel: the table's numbers move by exactly what a new prospect did, and the chart has a bar per stage.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, openAsRep, startDemo } from "./helpers";

async function counts(rep: Page): Promise<Record<string, number>> {
  const rows = rep.getByTestId("funnel-table").locator("tbody tr");
  const result: Record<string, number> = {};
  for (const row of await rows.all())
    result[(await row.getAttribute("data-stage")) ?? ""] = Number(await row.getByTestId("visitors").textContent());
  return result;
}

test("the funnel counts what a prospect did, once per stage, in a table that matches the chart", async ({ browser }) => {
  const { page: rep, context: repContext } = await openAsRep(browser, "/sales/funnels");
  await expect(rep.getByRole("heading", { name: "Funnels" })).toBeVisible();
  await rep.getByRole("link", { name: "Pipeline basics" }).click();
  await expect(rep.getByRole("heading", { name: "Pipeline basics: funnel" })).toBeVisible();
  const before = await counts(rep);

  const prospect = await browser.newContext();
  const page = await prospect.newPage();
  await startDemo(page);
  const tour = page.getByTestId("tour-popover");
  await tour.getByRole("button", { name: "Start the tour" }).click();
  await expect(page.getByRole("dialog", { name: "Every deal, by stage" })).toBeVisible();
  // Back and forth: the step is seen twice but the visitor counts once.
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("dialog", { name: "Welcome to Pipeline" })).toBeVisible();
  await tour.getByRole("button", { name: "Start the tour" }).click();
  await expect(page.getByRole("dialog", { name: "Every deal, by stage" })).toBeVisible();
  await tour.getByRole("button", { name: "Close tour" }).click();
  await page.goto("/");

  const expected = { ...before };
  for (const stage of ["viewed", "started", "step:welcome", "step:board"]) expected[stage] = (before[stage] ?? 0) + 1;
  await expect(async () => {
    await rep.reload();
    expect(await counts(rep)).toEqual(expected);
  }).toPass({ timeout: 15_000 });
  const table = rep.getByTestId("funnel-table");
  const total = table.locator("tr[data-stage='step:total']");
  const board = table.locator("tr[data-stage='step:board']");
  await expect(total.getByTestId("drop-off")).toHaveText(String((expected["step:board"] ?? 0) - (expected["step:total"] ?? 0)));
  await expect(board.getByTestId("visitors")).toHaveText(String(expected["step:board"]));
  await expect(rep.locator(".funnel-chart .funnel-bar")).toHaveCount(await table.locator("tbody tr").count());
  await expect(rep.getByRole("img", { name: /the table below lists the same numbers/ })).toBeVisible();
  // The tour reports the locale it is shown in: the split by locale has an English funnel.
  await expect(rep.getByRole("table", { name: "Funnel, en" })).toBeVisible();
  await expectNoAxeViolations(rep);
  // They came straight here: the direct visitors' funnel, narrowed by the source filter, has them.
  const directStarted = Number(
    await rep
      .getByRole("table", { name: "Funnel, Direct", exact: true })
      .locator("tr[data-stage=started]")
      .getByTestId("visitors")
      .textContent(),
  );
  expect(directStarted).toBeGreaterThanOrEqual(1);
  await rep.getByRole("combobox", { name: "Visitors from" }).selectOption({ label: "Direct visits" });
  await rep.getByRole("button", { name: "Show" }).click();
  await expect(rep).toHaveURL("/sales/funnels/pipeline-basics?source=direct");
  await expect(
    rep.getByRole("table", { name: "Funnel, direct visitors" }).locator("tr[data-stage=started]").getByTestId("visitors"),
  ).toHaveText(String(directStarted));
  await expectNoAxeViolations(rep);
  await Promise.all([prospect.close(), repContext.close()]);
});
