// Who owns an account: an admin hands one to a rep in the UI, the rep cannot, and the new owner finds it
// under "My accounts" on the hot list. Bad owner input gets a field error or a 4xx, never a 500.
import { expect, test } from "./fixtures";
import { createDeal, expectNoAxeViolations, openAsRep } from "./helpers";
import { contextAs } from "./sign-in-as";
import { admin } from "./team";

test("an admin reassigns an account to a rep, a rep cannot, and the new owner sees it under 'My accounts'", async ({
  browser,
  baseURL,
}) => {
  const company = "Handover Holdings";
  // The admin makes the link, so the admin owns the account; a prospect acts, so it has a person to rank.
  const adminContext = await contextAs(browser, baseURL ?? "", admin);
  const created = await adminContext.request.post("/api/sales/links", { data: { company, demo: "pipeline-basics" } });
  expect(created.status()).toBe(201);
  const { link } = (await created.json()) as { link: { token: string; accountId: string } };
  const prospect = await browser.newContext();
  const tab = await prospect.newPage();
  await tab.goto(`/try/pipeline-basics?via=${link.token}`);
  await tab.waitForURL(/\/s\/[A-Za-z0-9_-]{22}$/);
  await createDeal(tab, { title: "Handover deal", company: "Initech", amount: "12000" });
  await tab.waitForURL(/\/deals\/\d+$/);
  await prospect.close();

  // The rep: not theirs yet, and no way to take it.
  const { page: repPage, context: repContext } = await openAsRep(browser, "/sales?mine=1");
  await expect(repPage.getByRole("heading", { name: "Hot list" })).toBeVisible();
  await expect(repPage.getByTestId("hot-row").filter({ hasText: company })).toHaveCount(0);
  await repPage.goto(`/sales/accounts/${link.accountId}`);
  await expect(repPage.getByText("Owner: Ada Admin")).toBeVisible();
  await expect(repPage.getByLabel("Owner")).toHaveCount(0);
  await expect(repPage.getByRole("button", { name: "Change owner" })).toHaveCount(0);

  // The admin hands it over in the UI.
  const adminPage = await adminContext.newPage();
  await adminPage.goto(`/sales/accounts/${link.accountId}`);
  await expect(adminPage.getByLabel("Owner")).toHaveValue(/.+/);
  await adminPage.getByLabel("Owner").selectOption({ label: "Riley Rep" });
  await adminPage.getByRole("button", { name: "Change owner" }).click();
  await expect(adminPage.getByRole("status").filter({ hasText: "Saved" })).toHaveText("Saved: Riley Rep owns this account now.");
  await expectNoAxeViolations(adminPage, "main");
  await adminPage.reload();
  await expect(adminPage.getByLabel("Owner").locator("option:checked")).toHaveText("Riley Rep");

  // The new owner finds it under "My accounts", and its page names them.
  await repPage.goto("/sales");
  await repPage.getByLabel("My accounts").check();
  await repPage.getByRole("button", { name: /apply|filter/i }).click();
  await expect(repPage).toHaveURL(/[?&]mine=1/);
  await expect(repPage.getByTestId("hot-row").filter({ hasText: company })).toHaveCount(1);
  await repPage.goto(`/sales/accounts/${link.accountId}`);
  await expect(repPage.getByText("Owner: Riley Rep")).toBeVisible();

  // Bad input to the same API, as the admin: a 4xx naming the field, never a 500.
  const rows: [string, unknown, number, string][] = [
    ["no owner", {}, 400, "ownerUserId"],
    ["an empty owner", { ownerUserId: "" }, 400, "ownerUserId"],
    ["a 10 kB owner id", { ownerUserId: "x".repeat(10_000) }, 400, "ownerUserId"],
    ["control characters", { ownerUserId: "\u0000\u001b[31m" }, 400, "ownerUserId"],
    ["an unknown member", { ownerUserId: "AAAAAAAAAAAAAAAAAAAAAA" }, 400, "ownerUserId"],
    ["a number", { ownerUserId: 42 }, 400, "ownerUserId"],
  ];
  for (const [name, data, status, field] of rows) {
    const response = await adminContext.request.patch(`/api/sales/accounts/${link.accountId}`, { data });
    expect(response.status(), name).toBe(status);
    const body = (await response.json()) as { error?: string; fields?: Record<string, string> };
    expect(body.fields, name).toEqual({ [field]: body.error });
  }
  const unknown = await adminContext.request.patch("/api/sales/accounts/AAAAAAAAAAAAAAAAAAAAAA", { data: { ownerUserId: "x" } });
  expect(unknown.status()).toBe(404);
  expect(((await unknown.json()) as { error?: string }).error).toBe("No account has that id");
  // The owner stayed the one the admin chose.
  await repPage.reload();
  await expect(repPage.getByText("Owner: Riley Rep")).toBeVisible();
  await repContext.close();
  await adminContext.close();
});
