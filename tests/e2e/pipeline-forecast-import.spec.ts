// A sales leader's forecast and an ops person's contact import, in the visitor's own sandbox: the forecast
// adds up to the deals board; the shipped sample imports through upload → mapping → confirm; broken and
// hostile files get a clear message, never a 500, and create nothing.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectChartLabelsApart, expectNoAxeViolations, expectTitleInViewScrolledToEnd, startDemo } from "./helpers";

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const amountOf = (text: string | null) => Number((text ?? "").replace(/[^0-9]/g, ""));

async function startWithoutTour(page: Page): Promise<string> {
  const sandbox = await startDemo(page);
  await page.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
  return sandbox;
}

/** Fails the test on any 5xx the page receives. */
function refuseServerErrors(page: Page): string[] {
  const failures: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500) failures.push(`${response.status()} ${response.url()}`);
  });
  return failures;
}

async function columnTotal(page: Page, stage: string): Promise<number> {
  return amountOf(
    await page
      .locator(`#stage-${stage} .muted`)
      .textContent()
      .then((text) => text?.split("·")[1] ?? ""),
  );
}

test("the forecast shows a chart and a table whose numbers match the deals board", async ({ page }, testInfo) => {
  const sandbox = await startWithoutTour(page);
  const board = {
    openTotal: amountOf(await page.getByTestId("open-total").textContent()),
    negotiation: await columnTotal(page, "negotiation"),
    proposal: await columnTotal(page, "proposal"),
    won: await columnTotal(page, "won"),
  };
  expect(board.negotiation).toBeGreaterThan(0);

  await page.getByRole("navigation", { name: "Product" }).getByRole("link", { name: "Forecast" }).click();
  await expect(page).toHaveURL(`${sandbox}/forecast`);
  await expect(page.getByRole("heading", { level: 1, name: "Forecast" })).toBeVisible();
  const chart = page.locator("[data-tour=forecast-chart]").getByRole("img");
  await expect(chart).toHaveAccessibleName(new RegExp(`in total commit ${money.format(board.negotiation).replace("$", "\\$")}`));
  await expect(chart.locator(".chart-bar").first()).toBeVisible();

  const totals = (category: string) => page.getByTestId(`forecast-by-month-total-${category}`);
  await expect(totals("commit")).toHaveText(money.format(board.negotiation));
  await expect(totals("bestCase")).toHaveText(money.format(board.proposal + board.negotiation));
  await expect(totals("pipeline")).toHaveText(money.format(board.openTotal));
  await expect(totals("won")).toHaveText(money.format(board.won));
  await expect(page.getByTestId("forecast-by-owner-total-pipeline")).toHaveText(money.format(board.openTotal));
  // Each month's row adds up to the total.
  const monthly = await page.getByTestId("forecast-by-month").locator("tbody tr td:nth-of-type(3)").allTextContents();
  expect(monthly.reduce((sum, cell) => sum + amountOf(cell), 0)).toBe(board.openTotal);
  await expectNoAxeViolations(page);

  await page.screenshot({ path: testInfo.outputPath("forecast-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 360, height: 640 });
  await expect(chart).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectChartLabelsApart(page);
  // The tables scroll sideways on a phone; scrolled to their end, each title is still whole on screen.
  for (const table of await page.locator(".forecast-table").all()) await expectTitleInViewScrolledToEnd(table);
  await page.screenshot({ path: testInfo.outputPath("forecast-360.png"), fullPage: true });
  await expectNoAxeViolations(page);
});

test("the shipped sample file imports through upload, mapping and confirm", async ({ page, request }, testInfo) => {
  const failures = refuseServerErrors(page);
  const sandbox = await startWithoutTour(page);
  await page.getByRole("navigation", { name: "Product" }).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import contacts" })).toBeVisible();
  await expectNoAxeViolations(page);

  const sample = page.getByRole("link", { name: "Download a sample file (contacts.csv)" });
  const href = (await sample.getAttribute("href")) ?? "";
  const download = await request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("text/csv");
  expect(await download.text()).toMatch(/^Full name,Job title,Email address,Company\n/);

  await page.getByLabel("CSV file").setInputFiles("public/samples/contacts.csv");
  await page.getByRole("button", { name: "Upload and match columns" }).click();
  await expect(page.getByRole("heading", { name: "2. Match the columns" })).toBeVisible();
  const mapping = page.locator("[data-tour=import-mapping]");
  await expect(mapping.getByLabel("Name")).toHaveValue("0");
  await expect(mapping.getByLabel("Title")).toHaveValue("1");
  await expect(mapping.getByLabel("Email")).toHaveValue("2");
  await expect(mapping.getByLabel("Company")).toHaveValue("3");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath("import-mapping.png"), fullPage: true });

  await page.getByRole("button", { name: "Check the rows" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("8 rows — 8 ready to import, 0 with problems");
  await expect(page.getByTestId("import-new-companies")).toHaveText("Brightline Media, Meridian Freight");
  await page.getByRole("button", { name: "Import 8 contacts" }).click();
  await expect(page.getByTestId("import-result")).toHaveText("Imported 8 contacts from contacts.csv");
  await expect(page.getByRole("cell", { name: "Priya Desai" })).toBeVisible();

  // They are in the sandbox: Globex's deal lists its new contact.
  await page.goto(sandbox);
  await page.getByRole("link", { name: "Globex field-ops pilot" }).click();
  await expect(page.getByRole("link", { name: "Priya Desai" })).toBeVisible();
  expect(failures).toEqual([]);
});

test("a broken file shows its row errors by line and creates nothing until confirmed", async ({ page }, testInfo) => {
  const failures = refuseServerErrors(page);
  const sandbox = await startWithoutTour(page);
  await page.goto(`${sandbox}/import`);
  const broken = [
    "Name,Title,Email,Company",
    "Ana Ruiz,CFO,ana@acme.example,Acme Corp",
    'Bo Lind,"Head of',
    'Sales",bo@,Initech',
    ",CTO,,Initech",
    '"=HYPERLINK(""http://evil.example"",""click"")",,,Initech',
  ].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "broken.csv", mimeType: "text/csv", buffer: Buffer.from(broken) });
  await page.getByRole("button", { name: "Upload and match columns" }).click();
  await page.getByRole("button", { name: "Check the rows" }).click();

  const problems = page.getByTestId("import-problems");
  await expect(problems.getByRole("listitem")).toHaveText(["line 3: email “bo@” is not an address", "line 5: name is empty"]);
  await expect(page.getByTestId("import-summary")).toContainText("4 rows — 2 ready to import, 2 with problems");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath("import-errors.png"), fullPage: true });

  // Nothing is created yet: Initech's deal has its old people only; the import waits across pages.
  await page.goto(sandbox);
  await page.getByRole("link", { name: "Initech reporting add-on" }).click();
  const people = page.locator("section", { has: page.getByRole("heading", { name: "People" }) });
  await expect(people).not.toContainText("HYPERLINK");
  await page.goto(`${sandbox}/import`);
  await page.getByRole("button", { name: "Import 2 contacts" }).click();
  await expect(page.getByTestId("import-result")).toHaveText("Imported 2 contacts from broken.csv");
  // The formula is a name, shown as text: no link to where it points.
  await expect(page.getByRole("cell", { name: '=HYPERLINK("http://evil.example","click")' })).toBeVisible();
  await expect(page.locator('a[href*="evil.example"]')).toHaveCount(0);
  expect(failures).toEqual([]);
});

test("a file wider, or with longer cells, than a person can map is refused with what to do; at the limit the mapping stays readable", async ({
  page,
}) => {
  const failures = refuseServerErrors(page);
  const sandbox = await startWithoutTour(page);
  await page.goto(`${sandbox}/import`);
  const message = page.locator("#contacts-file-error");
  const upload = async (name: string, text: string) => {
    await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
    await page.getByRole("button", { name: "Upload and match columns" }).click();
  };
  // A prospect's real file: 40,000 columns. Every column once became a choice in four lists on every view.
  const columns = Array.from({ length: 40_000 }, (_, index) => `Field ${index + 1}`);
  await upload("wide.csv", `${columns.join(",")}\n${columns.map(() => "x").join(",")}\n`);
  await expect(message).toHaveText(
    "That file has 40,000 columns; Pipeline reads up to 100. Keep the columns with each contact's name, title, email and company (delete the others in your spreadsheet) and upload it again.",
  );
  await expect(page.getByLabel("CSV file")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await upload("notes.csv", `Name,Company,Notes\nAna,Acme,"${"n".repeat(5_000)}"\n`);
  await expect(message).toHaveText(/^line 2, column 3: a cell of 5,000 characters; Pipeline reads cells up to 1,000\./);
  await expect(page.getByRole("heading", { name: "1. Choose a file" })).toBeVisible();

  // At the limit the file is taken, and the mapping shows each column once per list and a short look at each cell.
  const wide = ["Name", "Company", ...Array.from({ length: 98 }, (_, index) => `Extra ${index + 1}`)];
  await upload("hundred.csv", `${wide.join(",")}\nAna,Acme,${"x".repeat(1_000)}${",y".repeat(97)}\n`);
  await expect(page.getByRole("heading", { name: "2. Match the columns" })).toBeVisible();
  await expect(page.getByLabel("Company (required)").locator("option")).toHaveCount(101);
  const longCell = page.getByRole("table", { name: "The file's first rows" }).getByRole("cell").nth(2);
  await expect(longCell).toHaveText(`${"x".repeat(79)}…`);
  await expectNoAxeViolations(page);
  expect(failures).toEqual([]);
});

test("an empty, binary, oversized or unclosed file gets a clear message, never a 500", async ({ page }) => {
  const failures = refuseServerErrors(page);
  const sandbox = await startWithoutTour(page);
  await page.goto(`${sandbox}/import`);
  const upload = async (name: string, buffer: Buffer) => {
    await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer });
    await page.getByRole("button", { name: "Upload and match columns" }).click();
  };
  const message = page.locator("#contacts-file-error");

  await upload("empty.csv", Buffer.alloc(0));
  await expect(message).toHaveText(/^That file is empty\./);
  await expectNoAxeViolations(page);
  await upload("photo.csv", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  await expect(message).toHaveText(/^That file is not a CSV/);
  await upload("latin1.csv", Buffer.from([...Buffer.from("Name,Company\nJos"), 0xe9, ...Buffer.from(",Acme\n")]));
  await expect(message).toHaveText(/^That file is not UTF-8 text/);
  await upload("quotes.csv", Buffer.from('Name,Company\nAna,Acme\n"Bo,Acme\n'));
  await expect(message).toHaveText(/^line 3: a quoted cell starts here and is never closed/);
  await upload("many.csv", Buffer.from(`Name,Company\n${"Ana,Acme\n".repeat(10_000)}`));
  await expect(message).toHaveText(/^That file has more than 1,000 contacts; Pipeline imports up to 1,000/);

  // Over the limit, the page says so before sending anything.
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await page.getByLabel("CSV file").setInputFiles({ name: "huge.csv", mimeType: "text/csv", buffer: Buffer.alloc(5_000_000, "a,b\n") });
  await expect(message).toHaveText(/^That file is 5\.0 MB; Pipeline imports files up to 1 MB/);
  await page.getByRole("button", { name: "Upload and match columns" }).click();
  await expect(message).toHaveText(/^That file is 5\.0 MB/);
  expect(posts).toEqual([]);
  await expect(page.getByRole("heading", { name: "1. Choose a file" })).toBeVisible();
  expect(failures).toEqual([]);
});
