// The rep workspace is for signed-in team members only.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { rep } from "./team";

test("/sales pages and APIs refuse anyone who is not signed in", async ({ page, request }) => {
  await page.goto("/sales");
  await expect(page).toHaveURL(/\/sales\/sign-in$/);
  await expectNoAxeViolations(page);

  await page.goto("/sales/visitors/AAAAAAAAAAAAAAAAAAAAAA");
  await expect(page).toHaveURL(/\/sales\/sign-in/);

  const api = await request.get("/api/sales/visitors");
  expect(api.status()).toBe(401);
  expect(await api.json()).toHaveProperty("error");

  const forged = await request.get("/api/sales/visitors", { headers: { cookie: "better-auth.session_token=forged.value" } });
  expect(forged.status()).toBe(401);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sales/sign-in");
  await page.getByLabel("Email").fill(rep.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  // (Next's route announcer is also role=alert, so pick ours by its text.)
  await expect(page.getByRole("alert").filter({ hasText: /wrong email or password/i })).toBeVisible();
  await expect(page).toHaveURL(/\/sales\/sign-in/);
});
