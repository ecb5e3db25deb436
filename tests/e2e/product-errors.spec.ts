// Mistakes in the sample product are explained next to the field and never cost the visitor their typing.
import { expect, test } from "./fixtures";
import { createDeal, startDemo } from "./helpers";

test("a mistake in New deal keeps what the visitor typed and says what to fix", async ({ page }) => {
  await startDemo(page);
  await page.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
  await createDeal(page, { title: "Half-typed deal", company: "Hooli", amount: "lots" });

  await expect(page.getByText("Enter the amount as a number")).toBeVisible();
  await expect(page.getByLabel("Amount (USD)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Deal name")).toHaveValue("Half-typed deal");
  await expect(page.getByLabel("Company")).toHaveValue(/\d+/);
  await expect(page.getByLabel("Amount (USD)")).toHaveValue("lots");

  await page.getByLabel("Amount (USD)").fill("1200");
  await page.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Half-typed deal" })).toBeVisible();
});

test("a deal that does not exist is a helpful 404, not an error", async ({ page }) => {
  const sandboxPath = await startDemo(page);
  for (const bad of ["999999", "abc", "-1", "1e3"]) {
    const response = await page.goto(`${sandboxPath}/deals/${bad}`);
    expect(response?.status(), bad).toBe(404);
    await expect(page.getByRole("link", { name: "Choose a demo" })).toBeVisible();
  }
});
