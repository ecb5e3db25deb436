// The studio's demo list as a marketer uses it: every shipped demo with its check status, funnel and preview
// link; a real tour whose target never appears shows up in the step's target-missing rate; a demo file with a
// mistake shows its file:line. Refusals of strangers and reps for every studio route are in route-guard.spec.ts.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, expectTitleInViewScrolledToEnd, openAsRep, startDemo } from "./helpers";
import { contextAs } from "./sign-in-as";
import { admin, marketer } from "./team";

const shipped = ["pipeline-basics", "forecast-review", "import-and-clean-up"];

test("a rep is refused the studio with a page saying why", async ({ browser }) => {
  const { page, context } = await openAsRep(browser, "/studio");
  await expect(page.getByRole("heading", { name: "Your role can’t see this page" })).toBeVisible();
  await expect(page.getByTestId("role-refusal")).toContainText("the demo studio");
  await context.close();
});

test("a marketer sees every shipped demo with its check status, funnel and preview link", async ({ browser, baseURL }) => {
  const context = await contextAs(browser, baseURL ?? "", marketer);
  const page = await context.newPage();
  await page.goto("/studio");
  await expect(page.getByRole("heading", { name: "Demos", level: 1 })).toBeVisible();
  for (const slug of shipped) {
    const card = page.locator(`[data-testid=studio-demo][data-slug=${slug}]`);
    await expect(card).toBeVisible();
    await expect(card.getByTestId("check-status")).toBeVisible();
    await expect(card.getByTestId("funnel-splits")).toBeVisible();
    await expect(card.getByRole("link", { name: /^Preview: / })).toHaveAttribute("href", `/studio/preview/${slug}`);
  }
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  // A marketer is not offered the sales workspace.
  await expect(page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Sales workspace" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.locator("[data-slug=pipeline-basics]").getByRole("link", { name: "Details: Pipeline basics" }).click();
  await expect(page.getByRole("heading", { name: "Pipeline basics", level: 1 })).toBeVisible();
  await expect(page.getByTestId("target-missing").locator("tr[data-step=board]")).toBeVisible();
  await expect(page.getByRole("img", { name: /the table below lists the same numbers/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});

test("on a 360 px phone a demo's funnel chart keeps the page's text size, and a wide table keeps its title in view", async ({
  browser,
  baseURL,
}) => {
  const context = await contextAs(browser, baseURL ?? "", marketer);
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/studio/demos/pipeline-basics");
  const chart = page.getByRole("img", { name: /the table below lists the same numbers/ });
  await expect(chart).toBeVisible();
  // Each label stands above its bar at the text size of the page around it (a scaled drawing made them 5 px).
  const label = chart.locator(".funnel-chart-label").first();
  const bar = chart.locator(".funnel-bar").first();
  expect(await label.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(13);
  const [labelBox, barBox] = [await label.boundingBox(), await bar.boundingBox()];
  if (!labelBox || !barBox) throw new Error("no boxes");
  expect(barBox.y).toBeGreaterThanOrEqual(labelBox.y + labelBox.height);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The target-missing table is wider than the phone: scrolled to its end, its title is still on screen.
  await expectTitleInViewScrolledToEnd(page.getByRole("table", { name: "Pipeline basics: target missing per step" }));
  await expectNoAxeViolations(page);
  await context.close();
});

test("an admin moves between the sales workspace and the studio", async ({ browser, baseURL }) => {
  const context = await contextAs(browser, baseURL ?? "", admin);
  const page = await context.newPage();
  await page.goto("/sales");
  await page.getByRole("link", { name: "Demo studio" }).click();
  await expect(page.getByRole("heading", { name: "Demos", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Sales workspace" }).click();
  await expect(page).toHaveURL(/\/sales$/);
  await context.close();
});

async function boardRate(page: Page): Promise<{ missing: number; views: number }> {
  const cell = page.getByTestId("target-missing").locator("tr[data-step=board]").getByTestId("recent-rate");
  return { missing: Number(await cell.getAttribute("data-missing")), views: Number(await cell.getAttribute("data-views")) };
}

test("a prospect's tour that cannot find its target shows in the step's target-missing rate", async ({ browser, baseURL }) => {
  const studio = await contextAs(browser, baseURL ?? "", marketer);
  const marketerPage = await studio.newPage();
  await marketerPage.goto("/studio/demos/pipeline-basics");
  const before = await boardRate(marketerPage);

  // A person's browser where the board's anchor is hidden, as a CSS change in the product would hide it.
  // navigator.webdriver is cleared because the studio, like the funnels, leaves automated browsers out.
  const prospect = await browser.newContext();
  await prospect.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "webdriver", { get: () => false });
    document.addEventListener("DOMContentLoaded", () => {
      const style = document.createElement("style");
      style.textContent = '[data-tour="deals-board"] { display: none !important; }';
      document.head.append(style);
    });
  });
  const page = await prospect.newPage();
  await startDemo(page);
  await page.getByTestId("tour-popover").getByRole("button", { name: "Start the tour" }).click();
  await expect(page.getByRole("dialog", { name: "Every deal, by stage" })).toBeVisible();
  // The tour gives up on the target after its timeout and says so to the visitor.
  await expect(page.getByTestId("tour-target-missing")).toBeVisible({ timeout: 15_000 });
  await page.goto("/");
  await prospect.close();

  await expect(async () => {
    await marketerPage.reload();
    expect(await boardRate(marketerPage)).toEqual({ missing: before.missing + 1, views: before.views + 1 });
  }).toPass({ timeout: 15_000 });
  await marketerPage.goto("/studio");
  await expect(marketerPage.locator("[data-slug=pipeline-basics] [data-testid=missed-steps] li[data-step=board]")).toContainText(
    "in the last 24 hours",
  );
  await studio.close();
});

test("a demo whose file has a mistake shows in the studio with its file:line", async ({ browser, baseURL, server }) => {
  // The server reads its own copy of demos/ (DEMOS_DIR); the broken demo lives there only for this test.
  const slug = `zz-studio-broken-${Date.now().toString(36)}`;
  const dir = path.join(server.demosDir, slug);
  const shippedDemo = fs.readFileSync("demos/pipeline-basics/demo.yaml", "utf8");
  const broken = shippedDemo.replace(/^title: /m, "tittle: ");
  const line = broken.split("\n").findIndex((row) => row.startsWith("tittle: ")) + 1;
  fs.mkdirSync(dir);
  try {
    fs.writeFileSync(path.join(dir, "demo.yaml"), broken);
    fs.copyFileSync("demos/pipeline-basics/fixture.yaml", path.join(dir, "fixture.yaml"));
    const context = await contextAs(browser, baseURL ?? "", marketer);
    const page = await context.newPage();
    await page.goto("/studio");
    const card = page.locator(`[data-testid=studio-demo][data-slug=${slug}]`);
    // Named as the server names files: relative to its working directory, the checkout.
    await expect(card.getByTestId("demo-problems")).toContainText(`${path.relative(process.cwd(), dir)}/demo.yaml:${line}:1 — `);
    await expect(card.getByTestId("demo-problems")).toContainText('did you mean "title"');
    await expect(card).toContainText("No preview until it loads");
    await expectNoAxeViolations(page);
    await context.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
