// The team page: a rep sees who is on the team but no controls, and the server refuses them anyway; an admin
// adds a marketer, changes their role and removes them, and can never demote or remove the last admin.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, openAsRep } from "./helpers";
import { contextAs, freshContextAs } from "./sign-in-as";
import { admin, marketer } from "./team";

test("a rep sees the team without any way to change it, and the API refuses them", async ({ browser }) => {
  const { page, context } = await openAsRep(browser, "/sales/team");
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await expect(page.getByTestId("member-row").filter({ hasText: admin.email })).toContainText("Admin");
  await expect(page.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Add a member" })).toHaveCount(0);
  const members = (await (await page.request.get("/api/sales/team")).json()) as { members: { id: string; email: string }[] };
  const adminId = members.members.find((member) => member.email === admin.email)?.id ?? "";
  const refusals = [
    await page.request.post("/api/sales/team", { data: { email: "sneaky@openhouse.test", password: "a long passphrase", role: "admin" } }),
    await page.request.patch(`/api/sales/team/${adminId}`, { data: { role: "rep" } }),
    await page.request.delete(`/api/sales/team/${adminId}`),
  ];
  for (const refusal of refusals) {
    expect(refusal.status()).toBe(403);
    expect(((await refusal.json()) as { error: string }).error).toContain("Your role (rep) cannot use team management");
  }
  await context.close();
});

test("an admin adds a marketer, changes their role and removes them, with field errors for bad input", async ({ browser, baseURL }) => {
  const context = await contextAs(browser, baseURL ?? "", admin);
  const page = await context.newPage();
  await page.goto("/sales/team");
  await expectNoAxeViolations(page, "main");

  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText("That is not an email address")).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText("That is not an email address")).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Email", { exact: true }).fill("mia@openhouse.test");
  await page.getByLabel("Name", { exact: true }).fill("Mia Marketer");
  await page.getByLabel("First password").fill("short");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText("The password is too short")).toBeVisible();
  await page.getByLabel("First password").fill("a long enough passphrase");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Marketer" });
  await page.getByRole("button", { name: "Add member" }).click();
  const row = page.getByTestId("member-row").filter({ hasText: "mia@openhouse.test" });
  await expect(row.getByTestId("member-role")).toHaveText("Marketer");

  await row.getByLabel("Role of mia@openhouse.test").selectOption({ label: "Sales rep" });
  await expect(row.getByTestId("member-role")).toHaveText("Sales rep");
  await row.getByRole("button", { name: "Remove mia@openhouse.test" }).click();
  await expect(row).toHaveCount(0);

  // The last admin can be neither demoted nor removed.
  const mine = page.getByTestId("member-row").filter({ hasText: admin.email });
  await mine.getByLabel(`Role of ${admin.email}`).selectOption({ label: "Sales rep" });
  await expect(mine.getByRole("alert")).toContainText("only admin");
  await page.reload();
  await expect(mine.getByTestId("member-role")).toHaveText("Admin");

  // Bad input on the API: a 4xx with the field, never a 500.
  const rows: [unknown, number, string?][] = [
    [{}, 400, "email"],
    [{ email: "a@b.co", password: "long enough password", name: "x".repeat(10_000) }, 400, "name"],
    [{ email: "a@b.co", password: "long enough password", name: "Evil\u0007\nName" }, 400, "name"],
    [{ email: "a@b.co", password: "long enough password", role: "owner" }, 400, "role"],
    [{ email: marketer.email, password: "long enough password" }, 409, "email"],
  ];
  for (const [data, status, field] of rows) {
    const response = await page.request.post("/api/sales/team", { data });
    expect(response.status(), JSON.stringify(data).slice(0, 60)).toBe(status);
    const body = (await response.json()) as { error?: string; fields?: Record<string, string> };
    expect(body.fields, JSON.stringify(data).slice(0, 60)).toEqual(field ? { [field]: body.error } : undefined);
  }
  expect((await page.request.patch("/api/sales/team/no-such-member", { data: { role: "rep" } })).status()).toBe(404);
  expect((await page.request.delete("/api/sales/team/no-such-member")).status()).toBe(404);
  await context.close();
});

test("a marketer signing in is told the sales workspace is not for their role", async ({ browser, baseURL }) => {
  const context = await contextAs(browser, baseURL ?? "", marketer);
  const page = await context.newPage();
  const response = await page.goto("/sales");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("role-refusal")).toHaveText(
    "Your role (marketer) cannot use the sales workspace: it is for admins and sales reps. Ask an admin to change your role.",
  );
  await expectNoAxeViolations(page, "main");
  await context.close();
});

test("signing out ends an admin's session on the server", async ({ browser, baseURL }) => {
  const context = await freshContextAs(browser, baseURL ?? "", admin);
  const page = await context.newPage();
  await page.goto("/sales/team");
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("session_token"));
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sales\/sign-in$/);
  const replay = await page.request.get("/api/sales/team", { headers: { cookie: `${session?.name}=${session?.value}` } });
  expect(replay.status()).toBe(401);
  await context.close();
});
