// A rep sends a share link; two people at the account open it in their own browsers and act; the rep sees one
// account with two people and what each did. Dead links still give the demo; bad input never gives a 500.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createDeal, expectNoAxeViolations, openAsRep } from "./helpers";
import { contextAs } from "./sign-in-as";
import { admin } from "./team";

async function createLink(page: Page, company: string): Promise<string> {
  await page.goto("/sales/links");
  await page.getByLabel("Company", { exact: true }).fill(company);
  await page.getByRole("button", { name: "Create link" }).click();
  const created = page.getByTestId("created-link");
  await expect(created).toBeVisible();
  return (await created.locator("code").textContent()) ?? "";
}

test("a link forwarded inside an account shows up as one account with two people and their deals", async ({ browser, baseURL }) => {
  const { page, context } = await openAsRep(browser, "/sales/links");
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const path = await createLink(page, "Globex Forwarding");
  expect(path).toMatch(/^\/try\/pipeline-basics\?via=[A-Za-z0-9_-]{32}$/);
  // The copy button copies the whole address, ready to paste into an email.
  await page.getByTestId("created-link").getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByTestId("created-link").getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${path}`);
  await expectNoAxeViolations(page, "main");

  // The first prospect, then a colleague they forwarded it to: each in a browser of their own.
  for (const deal of ["Forwarded renewal", "Forwarded expansion"]) {
    const prospect = await browser.newContext();
    const tab = await prospect.newPage();
    await tab.goto(path);
    await tab.waitForURL(/\/s\/[A-Za-z0-9_-]{22}$/);
    await createDeal(tab, { title: deal, company: "Initech", amount: "40000" });
    await tab.waitForURL(/\/deals\/\d+$/);
    await prospect.close();
  }

  await page.goto("/sales/accounts");
  const row = page.getByTestId("account-row").filter({ hasText: "Globex Forwarding" });
  await expect(row.getByTestId("account-people")).toHaveText("2");
  await row.getByRole("link", { name: "Globex Forwarding" }).click();
  const people = page.getByTestId("account-person");
  await expect(people).toHaveCount(2);
  await expect(people.nth(0).getByRole("heading")).toHaveText("Visitor 1");
  await expect(people.nth(0).getByTestId("person-action")).toHaveText(["created deal ‘Forwarded renewal’ $40k"]);
  await expect(people.nth(1).getByRole("heading")).toHaveText("Visitor 2");
  await expect(people.nth(1).getByTestId("person-action")).toHaveText(["created deal ‘Forwarded expansion’ $40k"]);
  await expect(people.nth(0)).toContainText("Chrome · Linux · desktop");
  await expect(page.getByText("Owner: Riley Rep")).toBeVisible();
  await expectNoAxeViolations(page, "main");

  await page.goto("/sales/links");
  const link = page.getByTestId("link-row").filter({ hasText: "Globex Forwarding" });
  await expect(link.getByTestId("link-visits")).toHaveText("2");
  await context.close();
});

test("a revoked link still opens the demo, without adding anyone to the account", async ({ browser }) => {
  const { page, context } = await openAsRep(browser, "/sales/links");
  const path = await createLink(page, "Revoked Industries");
  const row = page.getByTestId("link-row").filter({ hasText: "Revoked Industries" });
  await row.getByRole("button", { name: "Revoke the link for Revoked Industries" }).click();
  await expect(row.getByTestId("link-state")).toHaveText("Revoked");

  const prospect = await browser.newContext();
  const tab = await prospect.newPage();
  await tab.goto(path);
  await tab.waitForURL(/\/s\/[A-Za-z0-9_-]{22}$/);
  await createDeal(tab, { title: "Unattributed deal", company: "Initech", amount: "1000" });
  await tab.waitForURL(/\/deals\/\d+$/);
  // An unknown token is the same for a prospect: the demo, never an error page.
  const unknown = await tab.request.get("/try/pipeline-basics?via=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", { maxRedirects: 0 });
  expect(unknown.status()).toBe(303);
  expect(unknown.headers().location).toMatch(/^\/s\/[A-Za-z0-9_-]{22}$/);
  await prospect.close();

  await page.goto("/sales/accounts");
  await expect(page.getByTestId("account-row").filter({ hasText: "Revoked Industries" }).getByTestId("account-people")).toHaveText("0");
  await context.close();
});

test("bad input on the link form and its API gets a field error or a 4xx, never a 500", async ({ browser, baseURL }) => {
  const { page, context } = await openAsRep(browser, "/sales/links");
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByText("Give the company name the link is for")).toBeVisible();
  await expect(page.getByLabel("Company", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Company", { exact: true }).fill("Globex");
  await page.getByLabel("Domain (optional)").fill("https://globex.com/pricing");
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByText("Give a domain like globex.com, without https:// or a path")).toBeVisible();

  // Someone else's account: the admin makes one, the rep may not add links to it or revoke its links.
  const adminContext = await contextAs(browser, baseURL ?? "", admin);
  const theirs = await adminContext.request.post("/api/sales/links", { data: { company: "Admin's Own Account", demo: "pipeline-basics" } });
  expect(theirs.status()).toBe(201);
  const { link: theirLink } = (await theirs.json()) as { link: { token: string; accountId: string } };
  await adminContext.close();

  const rows: [
    string,
    { method?: string; url?: string; data?: unknown; body?: string; headers?: Record<string, string> },
    number,
    string?,
  ][] = [
    ["empty object", { data: {} }, 400, "demo"],
    ["no company", { data: { demo: "pipeline-basics" } }, 400, "company"],
    ["10 kB company name", { data: { demo: "pipeline-basics", company: "x".repeat(10_000) } }, 400, "company"],
    ["control characters", { data: { demo: "pipeline-basics", company: "Globex\u0000\u001b[31m" } }, 400, "company"],
    ["unknown demo", { data: { demo: "no-such-demo", company: "Globex" } }, 400, "demo"],
    ["a persona the demo lacks", { data: { demo: "pipeline-basics", company: "Globex", persona: "ceo" } }, 400, "persona"],
    ["someone else's account id", { data: { demo: "pipeline-basics", accountId: theirLink.accountId } }, 404, "accountId"],
    ["an unknown account id", { data: { demo: "pipeline-basics", accountId: "AAAAAAAAAAAAAAAAAAAAAA" } }, 404, "accountId"],
    ["an array body", { data: [1, 2] }, 400],
    ["not JSON", { body: "company=Globex", headers: { "content-type": "application/x-www-form-urlencoded" } }, 415],
    ["broken JSON", { body: "{", headers: { "content-type": "application/json" } }, 400],
    ["a 100 kB body", { body: JSON.stringify({ company: "x".repeat(100_000) }), headers: { "content-type": "application/json" } }, 413],
    ["revoking someone else's link", { method: "DELETE", url: `/api/sales/links/${theirLink.token}` }, 404],
    ["revoking a bad token", { method: "DELETE", url: "/api/sales/links/..%2F..%2Fetc" }, 404],
    ["reassigning as a rep", { method: "PATCH", url: `/api/sales/accounts/${theirLink.accountId}`, data: { ownerUserId: "x" } }, 403],
    ["an unknown account's page", { method: "GET", url: "/api/sales/accounts/AAAAAAAAAAAAAAAAAAAAAA" }, 404],
    ["a malformed account id", { method: "GET", url: "/api/sales/accounts/%00%01" }, 404],
  ];
  for (const [name, request, status, field] of rows) {
    const response = await page.request.fetch(request.url ?? "/api/sales/links", {
      method: request.method ?? "POST",
      data: request.body ?? request.data,
      headers: request.headers,
    });
    expect(response.status(), name).toBe(status);
    const body = (await response.json()) as { error?: string; fields?: Record<string, string> };
    expect(typeof body.error, name).toBe("string");
    if (field) expect(body.fields, name).toEqual({ [field]: body.error });
  }
  expect((await page.request.get("/sales/accounts/AAAAAAAAAAAAAAAAAAAAAA")).status()).toBe(404);
  await context.close();
});
