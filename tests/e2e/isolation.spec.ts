// Two browsers, two sandboxes: neither sees nor reaches the other's.
import { expect, test } from "./fixtures";
import { createDeal, startDemo } from "./helpers";

test("a second browser gets its own clean sandbox and cannot open the first one's", async ({ browser }) => {
  const first = await browser.newContext();
  const firstPage = await first.newPage();
  const firstPath = await startDemo(firstPage);
  await firstPage.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
  await createDeal(firstPage, { title: "Only in the first browser", company: "Initech", amount: "777" });
  await expect(firstPage.getByRole("heading", { level: 1, name: "Only in the first browser" })).toBeVisible();

  const second = await browser.newContext();
  const secondPage = await second.newPage();
  const secondPath = await startDemo(secondPage);
  expect(secondPath).not.toBe(firstPath);
  await expect(secondPage.locator("[data-tour=deals-board]")).toBeVisible();
  await expect(secondPage.getByRole("link", { name: "Only in the first browser" })).toHaveCount(0);

  const response = await secondPage.goto(firstPath);
  expect(response?.status()).toBe(404);
  await expect(secondPage.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  await expect(secondPage.getByText("Only in the first browser")).toHaveCount(0);

  // The first browser comes back later and finds its work.
  await firstPage.goto("/try/pipeline-basics");
  await expect(firstPage).toHaveURL(new RegExp(`${firstPath}$`));
  await expect(firstPage.getByRole("link", { name: "Only in the first browser" })).toBeVisible();
  await first.close();
  await second.close();
});
