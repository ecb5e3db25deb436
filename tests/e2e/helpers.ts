// Small steps the journeys share: starting a demo, signing in as a rep, checking accessibility.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";
import { rep } from "./team";

export async function startDemo(page: Page): Promise<string> {
  await page.goto("/");
  await page.getByRole("link", { name: "Try it: Pipeline basics" }).click();
  await page.waitForURL(/\/s\/[A-Za-z0-9_-]{22}$/);
  return new URL(page.url()).pathname;
}

export async function visitorIdOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((candidate) => candidate.name === "oh_visitor");
  if (!cookie) throw new Error("no visitor cookie");
  return decodeURIComponent(cookie.value).split(".")[0] ?? "";
}

export async function signInAsRep(page: Page, next = "/sales"): Promise<void> {
  await page.goto(next);
  await expect(page).toHaveURL(/\/sales\/sign-in/);
  await page.getByLabel("Email").fill(rep.email);
  await page.getByLabel("Password").fill(rep.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === new URL(next, "http://x").pathname);
}

// Kept for the rest of this worker's life, which is its server's (fixtures.ts): a restarted worker has a new
// server, and signs in again.
let repSession: Awaited<ReturnType<BrowserContext["storageState"]>> | undefined;

/** A signed-in rep's page. The first call in a worker signs in through the real form; later ones reuse that session. */
export async function openAsRep(browser: Browser, next = "/sales"): Promise<{ page: Page; context: BrowserContext }> {
  const saved = repSession;
  const context = await browser.newContext(saved ? { storageState: saved } : {});
  const page = await context.newPage();
  if (saved) await page.goto(next);
  else {
    await signInAsRep(page, next);
    repSession = await context.storageState();
  }
  return { page, context };
}

/** WCAG 2.2 AA rules from axe; any violation fails with its rule ids listed. */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  // After a client-side navigation Next sets the new page's title a moment after its content: axe run in between
  // reads an empty <title> (document-title). Wait for the title; a page that never gets one fails here.
  await expect(page).toHaveTitle(/\S/);
  const analyze = () => {
    let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]);
    if (include) builder = builder.include(include);
    return builder.analyze();
  };
  let results = await analyze();
  // A page refreshed by live news (a rep's list) re-renders its head, and for a moment has no <title>: twice a
  // clean-clone run caught axe in that moment. A page that still has none when asked again fails as before.
  if (results.violations.length === 1 && results.violations[0]?.id === "document-title") {
    await expect(page).toHaveTitle(/\S/);
    results = await analyze();
  }
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/** Fills in the product's New deal editor as a visitor would and saves it. */
export async function createDeal(page: Page, deal: { title: string; company: string; amount: string }): Promise<void> {
  await page.locator("[data-tour=new-deal-button]").click();
  await page.getByLabel("Deal name").fill(deal.title);
  await page.getByLabel("Company").selectOption({ label: deal.company });
  await page.getByLabel("Amount (USD)").fill(deal.amount);
  await page.getByRole("button", { name: "Create deal" }).click();
}

/** Every label under a forecast chart's bars can be read: none touches another (four names on one line ran together). */
export async function expectChartLabelsApart(page: Page): Promise<void> {
  const charts = await page.locator(".forecast-chart").all();
  expect(charts.length).toBeGreaterThan(0);
  for (const chart of charts) {
    const boxes = await chart.locator(".chart-label").evaluateAll((labels) =>
      labels.map((label) => {
        const box = label.getBoundingClientRect();
        return { left: box.left, right: box.right, top: box.top, bottom: box.bottom };
      }),
    );
    expect(boxes.length).toBeGreaterThan(1);
    for (const [index, a] of boxes.entries())
      for (const b of boxes.slice(index + 1))
        expect(a.right + 4 <= b.left || b.right + 4 <= a.left || a.bottom <= b.top || b.bottom <= a.top, JSON.stringify([a, b])).toBe(true);
  }
}

/** A table wider than the screen, scrolled to its end inside its scroll region, still shows its whole title. */
export async function expectTitleInViewScrolledToEnd(table: Locator): Promise<void> {
  const scrolled = await table.evaluate((element) => {
    const region = element.parentElement;
    region?.scrollTo({ left: region.scrollWidth, behavior: "instant" });
    return region?.scrollLeft ?? 0;
  });
  expect(scrolled, "the table scrolls sideways").toBeGreaterThan(0);
  const title = await table.locator("caption").boundingBox();
  const width = table.page().viewportSize()?.width ?? 0;
  if (!title) throw new Error("no caption");
  expect(title.x).toBeGreaterThanOrEqual(0);
  expect(title.x + title.width).toBeLessThanOrEqual(width);
}
