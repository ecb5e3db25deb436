// Small steps the journeys share: starting a demo, signing in as a rep, checking accessibility.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";
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

// In a file named after this run's data directory, not in memory: Playwright restarts its worker after a
// failed test, and a restarted worker must not sign in again.
const repSessionFile = path.join(os.tmpdir(), `${path.basename(process.env.E2E_DATA_DIR ?? "openhouse-e2e")}-rep-session.json`);

/**
 * A signed-in rep's page. The first call signs in through the real form; later ones reuse that session,
 * because sign-in is rate-limited per client (3 per 10 s) and the whole suite is one client.
 */
export async function openAsRep(browser: Browser, next = "/sales"): Promise<{ page: Page; context: BrowserContext }> {
  const saved = fs.existsSync(repSessionFile);
  const context = await browser.newContext(saved ? { storageState: repSessionFile } : {});
  const page = await context.newPage();
  if (saved) await page.goto(next);
  else {
    await signInAsRep(page, next);
    await context.storageState({ path: repSessionFile });
  }
  return { page, context };
}

/** WCAG 2.2 AA rules from axe; any violation fails with its rule ids listed. */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
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
