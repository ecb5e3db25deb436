// Export and the edges of the new pages: the CSV downloads and parses, strangers are refused everywhere,
// and hostile query input gets a helpful page or a 4xx JSON, never a 500.
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { hotListAnswerSchema } from "@/lib/contracts/hot-list";
import { expect, test } from "./fixtures";
import { createDeal, openAsRep, startDemo, visitorIdOf } from "./helpers";

test("a rep downloads the visitors and accounts CSVs, with the header and the reasons", async ({ browser }) => {
  const prospect = await browser.newContext();
  const page = await prospect.newPage();
  await startDemo(page);
  const visitorId = await visitorIdOf(prospect);
  await page.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
  await createDeal(page, { title: '=HYPERLINK("http://evil.example")', company: "Globex", amount: "5000" });
  await page.waitForURL(/\/deals\//);
  await page.goto("/");

  const { page: rep, context: repContext } = await openAsRep(browser, "/sales");
  let rows: Record<string, string>[] = [];
  await expect(async () => {
    const [download] = await Promise.all([rep.waitForEvent("download"), rep.getByRole("link", { name: "visitors", exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^openhouse-visitors-\d{4}-\d{2}-\d{2}\.csv$/);
    rows = parse(fs.readFileSync((await download.path()) ?? ""), { columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.visitor === visitorId)?.reasons).toContain("created a deal +8");
  }).toPass({ timeout: 15_000 });
  expect(Object.keys(rows[0] ?? {})).toEqual([
    "visitor",
    "account",
    "score",
    "reasons",
    "first_seen",
    "last_seen",
    "device",
    "source",
    "hand_raised",
    "deals_created",
    "tour_finished",
  ]);
  const accounts = await rep.request.get("/api/sales/export/accounts.csv");
  expect(accounts.status()).toBe(200);
  expect(accounts.headers()["content-type"]).toContain("text/csv");
  expect((await accounts.text()).split("\r\n")[0]).toBe("account_id,account,domain,people,score,reasons,first_seen,last_seen,hand_raised");
  const json = await rep.request.get("/api/sales/hot-list?who=anonymous");
  // Read through its contract, which must hold all of it: parsing drops nothing the API sent.
  const sent: unknown = await json.json();
  const body = hotListAnswerSchema.parse(sent);
  expect(body).toEqual(sent);
  expect(body.entries.find((entry) => entry.id === visitorId)?.reasonsText).toContain("created a deal +8");
  await Promise.all([prospect.close(), repContext.close()]);
});

const pages = [
  "/sales",
  "/sales?hand=1",
  "/sales/visitors",
  "/sales/funnels",
  "/sales/funnels/pipeline-basics",
  "/sales/accounts/any/journey",
];
const apis = ["/api/sales/hot-list", "/api/sales/export/visitors.csv", "/api/sales/export/accounts.csv"];

test("a stranger is sent to sign in from every new page and gets 401 JSON from every new API", async ({ request }) => {
  for (const url of pages) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect([302, 303, 307], url).toContain(response.status());
    expect(response.headers().location, url).toMatch(/^\/sales\/sign-in/);
  }
  for (const url of apis) {
    const response = await request.get(url, { headers: { cookie: "better-auth.session_token=forged.value" } });
    expect(response.status(), url).toBe(401);
    expect(await response.json(), url).toHaveProperty("error");
  }
});

const tenKilobytes = "x".repeat(10_000);
const badFilters: [string, string, RegExp][] = [
  ["a day that does not exist", "from=2026-13-45", /that day does not exist/],
  ["a date in another format", "from=01/12/2026", /YYYY-MM-DD/],
  ["from after to", "from=2026-12-02&to=2026-12-01", /from is after to/],
  ["an unknown demo", "demo=no-such-demo", /no demo named/],
  ["a 10 kB parameter", `demo=${tenKilobytes}`, /longer than 100 characters/],
  ["control characters", "persona=%01%1b[31m", /control character/],
  ["an unknown role", "persona=ceo", /persona/],
];

test("bad filters get a page that says what to fix, and the JSON API a 400 with the same words", async ({ browser }) => {
  const { page: rep, context } = await openAsRep(browser, "/sales");
  for (const [what, query, says] of badFilters) {
    const response = await rep.goto(`/sales?${query}`);
    expect(response?.status(), what).toBe(200);
    await expect(rep.getByTestId("filter-error"), what).toContainText(says);
    await expect(rep.getByRole("link", { name: "Clear the filters" })).toBeVisible();
    const api = await rep.request.get(`/api/sales/hot-list?${query}`);
    expect(api.status(), what).toBe(400);
    expect(((await api.json()) as { error: string }).error, what).toMatch(says);
  }
  // Empty values are no filter at all (a form submitted with blanks), on the page and in the API alike.
  expect((await rep.goto("/sales?demo=&from=&to=&who=&hand=&persona=&mine="))?.status()).toBe(200);
  await expect(rep.getByTestId("filter-error")).toHaveCount(0);
  expect((await rep.request.get("/api/sales/hot-list?demo=&from=&persona=")).status()).toBe(200);
  // Unknown parameters and repeated ones are not errors: the first value counts.
  expect((await rep.goto("/sales?utm_source=x&hand=1&hand=%ff"))?.status()).toBe(200);
  await expect(rep.getByTestId("filter-error")).toHaveCount(0);
  for (const [url, status] of [
    ["/sales/funnels/no-such-demo", 404],
    ["/sales/funnels/%00%01", 404],
    [`/sales/funnels/${tenKilobytes}`, 404],
    ["/sales/accounts/no-such-account/journey", 404],
    ["/sales/accounts/%01%02/journey", 404],
  ] as const) {
    const response = await rep.goto(url);
    expect(response?.status(), url).toBe(status);
  }
  for (const method of ["POST", "PUT", "DELETE"]) {
    for (const url of apis) expect((await rep.request.fetch(url, { method })).status(), `${method} ${url}`).toBe(405);
  }
  await context.close();
});
