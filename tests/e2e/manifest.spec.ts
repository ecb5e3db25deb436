// The product's manifest (lib/pipeline/manifest.ts) is true of the running product: every route, opened in a
// fresh sandbox as a visitor reaches it, renders every anchor the manifest puts on it (and the header's), and
// renders no anchor the manifest does not declare for it. The source side is tests/unit/demos/anchors.test.ts.
import type { Browser, Page } from "@playwright/test";
import { type PipelineAnchor, type PipelineRoute, pipelineManifest, pipelineRoutes } from "@/lib/pipeline/manifest";
import { expect, test } from "./fixtures";
import { startDemo } from "./helpers";

type Anchors = typeof pipelineManifest.anchors;
const declaredOn = (route: PipelineRoute) =>
  (Object.keys(pipelineManifest.anchors) as PipelineAnchor[]).filter((anchor) => {
    const on: string = (pipelineManifest.anchors as Anchors)[anchor].route;
    return on === route || on === "*";
  });

/**
 * Anchors that only appear once the visitor has done something on their page, and what they do: the steps a
 * tour asks of a visitor before pointing at them. They run in the manifest's order, each after the last.
 */
const revealedBy: Partial<Record<PipelineAnchor, (page: Page) => Promise<void>>> = {
  "import-mapping": async (page) => {
    const broken = ["Name,Title,Email,Company", "Ana Ruiz,CFO,ana@acme.example,Acme Corp", "Bo Lind,CTO,bo@,Initech"].join("\n");
    await page.getByLabel("CSV file").setInputFiles({ name: "broken.csv", mimeType: "text/csv", buffer: Buffer.from(broken) });
    await page.getByRole("button", { name: "Upload and match columns" }).click();
  },
  "import-errors": async (page) => {
    await page.getByRole("button", { name: "Check the rows" }).click();
  },
};

/** A fresh sandbox's page for `route`; a `:param` route is reached by a link on the nearest list page. */
async function openRoute(browser: Browser, route: PipelineRoute): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sandbox = await startDemo(page);
  await page.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
  const { path } = pipelineManifest.routes[route];
  if (!path.includes(":")) {
    await page.goto(`${sandbox}${path === "/" ? "" : path}`);
  } else {
    const pattern = new RegExp(`^${sandbox}${path.replace(/:[a-z]+/g, "[^/]+")}$`);
    const parent = path.split("/").slice(0, -1).join("/");
    const lists = [...new Set([parent, ""])];
    let opened = false;
    for (const list of lists) {
      await page.goto(`${sandbox}${list}`);
      const hrefs = await page.locator("#main a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
      const href = hrefs.find((candidate) => pattern.test(candidate));
      if (!href) continue;
      await page.locator(`#main a[href="${href}"]`).first().click();
      await page.waitForURL((url) => pattern.test(url.pathname));
      opened = true;
      break;
    }
    expect(opened, `no link to a ${route} (${path}) on ${lists.map((list) => list || "/").join(" or ")}`).toBe(true);
  }
  return { page, close: () => context.close() };
}

const renderedAnchors = (page: Page) =>
  page.locator("[data-tour]").evaluateAll((elements) => [...new Set(elements.map((element) => element.getAttribute("data-tour") ?? ""))]);

for (const route of pipelineRoutes) {
  test(`the ${route} page (${pipelineManifest.routes[route].path}) renders exactly the anchors the manifest puts on it`, async ({
    browser,
  }) => {
    const { page, close } = await openRoute(browser, route);
    try {
      const declared = declaredOn(route);
      const later = declared.filter((anchor) => revealedBy[anchor]);
      for (const anchor of declared.filter((name) => !later.includes(name))) {
        await expect(page.locator(`[data-tour="${anchor}"]`).first(), `${anchor} on ${route}`).toBeAttached();
      }
      const undeclared = (await renderedAnchors(page)).filter((anchor) => !declared.includes(anchor as PipelineAnchor));
      expect(undeclared, `anchors on ${route} the manifest does not put there`).toEqual([]);
      for (const anchor of later) {
        await revealedBy[anchor]?.(page);
        await expect(page.locator(`[data-tour="${anchor}"]`).first(), `${anchor} on ${route}, after the visitor acts`).toBeVisible();
        const after = (await renderedAnchors(page)).filter((name) => !declared.includes(name as PipelineAnchor));
        expect(after, `anchors on ${route} the manifest does not put there`).toEqual([]);
      }
    } finally {
      await close();
    }
  });
}

test("every anchor the manifest declares is on some route it lists", () => {
  const covered = new Set(pipelineRoutes.flatMap(declaredOn));
  expect([...covered].sort()).toEqual(Object.keys(pipelineManifest.anchors).sort());
});
