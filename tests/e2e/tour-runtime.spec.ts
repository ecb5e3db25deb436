// The tour's runtime in a real browser over the shipped pipeline-basics demo: targets that come late, never
// come or go away mid-step, reduced motion, a phone's bottom sheet, and the keyboard on a "do it" step.
// Anchors are taken away and given back by toggling their data-tour attribute, as a product re-render would.
import type { Locator, Page } from "@playwright/test";
import { build } from "esbuild";
import { controlQuery } from "./control-database";
import { expect, test, type WorkerServer } from "./fixtures";
import { expectNoAxeViolations, startDemo } from "./helpers";

const popover = (page: Page) => page.getByTestId("tour-popover");
const overlay = (page: Page) => page.getByTestId("tour-overlay");

/** Takes an anchor off the page (the element stays, React's tree is untouched) or puts it back. */
async function setAnchor(page: Page, selector: string, anchor: string | null): Promise<void> {
  await page.evaluate(
    ([css, name]) => {
      const element = document.querySelector(css as string);
      if (!element) throw new Error(`no ${css}`);
      if (name) element.setAttribute("data-tour", name);
      else element.removeAttribute("data-tour");
    },
    [selector, anchor],
  );
}

async function startTour(page: Page): Promise<string> {
  const sandboxPath = await startDemo(page);
  await expect(page.getByRole("dialog", { name: "Welcome to Pipeline" })).toBeVisible();
  return sandboxPath.split("/").pop() ?? "";
}

const next = (page: Page, label = "Next") => popover(page).getByRole("button", { name: label }).click();

/** The element a person clicking the middle of locator would hit. */
function hitAtCentre(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (hit === element || element.contains(hit));
  });
}

function storedEvents(server: WorkerServer, sandboxId: string, type: string): Promise<{ step_id: string; props: string }[]> {
  return controlQuery(server, "select step_id, cast(props as text) as props from events where sandbox_id = ? and type = ?", [
    sandboxId,
    type,
  ]);
}

test("a late target: the tour says it is looking, then takes the popover to the target when it appears", async ({ page }) => {
  await startTour(page);
  await setAnchor(page, "[data-tour=deals-board]", null);
  await next(page, "Start the tour");
  await expect(page.getByRole("dialog", { name: "Every deal, by stage" })).toHaveAttribute("data-mode", "centered");
  await expect(page.getByTestId("tour-looking")).toHaveText("Looking for this on the page…");
  // Never a highlight on nothing while it looks.
  await expect(overlay(page)).toHaveCount(0);
  await expectNoAxeViolations(page);

  await setAnchor(page, ".board", "deals-board");
  await expect(popover(page)).toHaveAttribute("data-mode", "anchored");
  await expect(page.getByTestId("tour-looking")).toHaveCount(0);
  await expect(overlay(page)).toHaveCount(1);
  // The step change was announced politely for screen readers.
  await expect(page.locator(".tour-live[aria-live=polite]")).toHaveText("Step 2 of 7: Every deal, by stage.");
});

test("a target that never appears: 'Can't find this? Skip ahead' skips the step and step.target_missing is stored", async ({
  page,
  server,
}) => {
  const sandboxId = await startTour(page);
  await setAnchor(page, "[data-tour=deals-board]", null);
  await next(page, "Start the tour");
  const skip = page.getByRole("button", { name: "Can't find this? Skip ahead" });
  await expect(skip).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("tour-looking")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await skip.click();
  await expect(page.getByRole("dialog", { name: "Your pipeline in one number" })).toBeVisible();

  await expect.poll(() => storedEvents(server, sandboxId, "step.target_missing"), { timeout: 15_000 }).toHaveLength(1);
  const [event] = await storedEvents(server, sandboxId, "step.target_missing");
  expect(event?.step_id).toBe("board");
  expect(JSON.parse(event?.props ?? "{}")).toEqual({ viewport: "desktop" });
  // The skip itself is a completed-by-skipping step, as for any skipped step.
  await expect
    .poll(async () => (await storedEvents(server, sandboxId, "step.completed")).filter((row) => row.step_id === "board"))
    .toHaveLength(1);
});

test("a target removed mid-step: the highlight goes with it and the popover follows its replacement", async ({ page }) => {
  await startTour(page);
  await next(page, "Start the tour");
  await next(page);
  await expect(page.getByRole("dialog", { name: "Your pipeline in one number" })).toHaveAttribute("data-mode", "anchored");
  await expect(overlay(page)).toHaveCount(1);

  // The product re-renders without it: no overlay over an empty spot, the popover waits in the middle.
  await setAnchor(page, "[data-tour=pipeline-total]", null);
  await expect(popover(page)).toHaveAttribute("data-mode", "centered");
  await expect(overlay(page)).toHaveCount(0);
  await expect(page.getByTestId("tour-looking")).toBeVisible();

  // A replacement appears elsewhere (here: the board heading carries the anchor now).
  await setAnchor(page, ".board-heading h1, .board-heading h2", "pipeline-total");
  await expect(popover(page)).toHaveAttribute("data-mode", "anchored");
  await expect(overlay(page)).toHaveCount(1);
  // placement: bottom, so the card settles just below its new target (floating-ui's offset is 12 px); the
  // placement is computed asynchronously, so the card may stand where it was for a frame after "anchored".
  const gapBelowHeading = async () => {
    const heading = await page.locator("[data-tour=pipeline-total]").boundingBox();
    const card = await popover(page).boundingBox();
    if (!heading || !card) throw new Error("no boxes");
    const gap = card.y - (heading.y + heading.height);
    return gap >= 0 && gap < 40 ? "just below" : `${gap} px below`;
  };
  await expect.poll(gapBelowHeading).toBe("just below");
});

test("reduced motion: no animation, no transition and no smooth scroll anywhere in the tour", async ({ page }) => {
  // Short enough that the board does not fit, so the tour scrolls to it; every scroll's behaviour is recorded.
  await page.setViewportSize({ width: 1280, height: 420 });
  await page.addInitScript(() => {
    const record = (behavior: unknown) => {
      const w = window as unknown as { tourScrolls?: string[] };
      w.tourScrolls = [...(w.tourScrolls ?? []), String(behavior ?? "auto")];
    };
    const intoView = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element, options?: boolean | ScrollIntoViewOptions) {
      record(typeof options === "object" ? options.behavior : undefined);
      intoView.call(this, options);
    };
  });
  const scrolls = () => page.evaluate(() => (window as unknown as { tourScrolls?: string[] }).tourScrolls ?? []);
  const tourMotion = () =>
    page.evaluate(() =>
      [...document.querySelectorAll(".tour-popover, .tour-popover *, .tour-overlay")].map((element) => {
        const style = getComputedStyle(element);
        return `${style.animationName}|${style.transitionDuration}`;
      }),
    );
  await startTour(page);
  // Without the preference the card does fade in and scrolls glide, so the checks below can fail.
  expect(await tourMotion()).toContain("tour-appear|0s");
  await next(page, "Start the tour");
  await expect.poll(scrolls).toContain("smooth");
  await next(page, "Back");

  await page.emulateMedia({ reducedMotion: "reduce" });
  // A new load at the top of the page (a reload would restore the scroll position), the tour at step 1.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.goto(page.url());
  await expect(page.getByRole("dialog", { name: "Welcome to Pipeline" })).toBeVisible();
  await next(page, "Start the tour");
  await expect(popover(page)).toHaveAttribute("data-mode", "anchored");
  const motion = await tourMotion();
  expect(motion.length).toBeGreaterThan(3);
  expect(new Set(motion)).toEqual(new Set(["none|0s"]));
  await expect.poll(scrolls).toEqual(["instant"]);
});

test.describe("on a 360×640 phone", () => {
  test.use({ viewport: { width: 360, height: 640 } });

  test("the bottom sheet never covers its target and Talk to a human stays clickable", async ({ page }) => {
    await startTour(page);
    const talk = page.locator("[data-tour=talk-to-human]");
    const sheetLeavesTargetVisible = async (anchor: string) => {
      await expect(popover(page)).toHaveAttribute("data-mode", "sheet");
      await expect(overlay(page)).toHaveCount(1);
      // Let a smooth scroll settle: the target's box stops moving.
      const target = page.locator(`[data-tour=${anchor}]`);
      await expect
        .poll(async () => {
          const before = await target.boundingBox();
          await page.evaluate(() => new Promise(requestAnimationFrame));
          return JSON.stringify(before) === JSON.stringify(await target.boundingBox());
        })
        .toBe(true);
      const box = await target.boundingBox();
      const sheet = await popover(page).boundingBox();
      if (!box || !sheet) throw new Error("no boxes");
      expect(sheet.width).toBe(360);
      expect(sheet.y + sheet.height).toBeCloseTo(640, 0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      // Nothing of the target is under the sheet (a target taller than the room shows its top part).
      if (box.height <= sheet.y) {
        expect(box.y + box.height).toBeLessThanOrEqual(sheet.y);
        expect(await hitAtCentre(target)).toBe(true);
      } else expect(box.y).toBeLessThan(sheet.y);
    };

    await expect(popover(page)).toHaveAttribute("data-mode", "sheet");
    expect(await hitAtCentre(talk)).toBe(true);
    await expectNoAxeViolations(page);
    await next(page, "Start the tour");
    await sheetLeavesTargetVisible("deals-board");
    await next(page);
    await sheetLeavesTargetVisible("pipeline-total");
    await expectNoAxeViolations(page);
    // The header scrolls with the page; brought back into view it is never under the tour.
    await talk.scrollIntoViewIfNeeded();
    expect(await hitAtCentre(talk)).toBe(true);
    await next(page);
    await sheetLeavesTargetVisible("new-deal-button");
    expect(await hitAtCentre(talk)).toBe(true);
    await talk.click();
    await expect(page.getByRole("region", { name: "Talk to a human" })).toBeVisible();
    await expect(popover(page)).toBeVisible();
  });
});

test("on a step that asks for the highlighted control, Tab leads from the popover to it and back", async ({ page }) => {
  await startTour(page);
  await next(page, "Start the tour");
  await next(page);
  await next(page);
  await expect(page.getByRole("dialog", { name: "Add a deal of your own" })).toHaveAttribute("data-mode", "anchored");
  const target = page.locator("[data-tour=new-deal-button]");
  // The highlight never intercepts the control once the popover has settled: "anchored" is set as the
  // placement starts, and for a frame the popover may still stand where the previous step put it.
  await expect.poll(() => hitAtCentre(target)).toBe(true);

  const skipStep = popover(page).getByRole("button", { name: "Skip this step" });
  await skipStep.focus();
  await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(skipStep).toBeFocused();
  await expectNoAxeViolations(page);

  // Using it by keyboard works and the tour follows the real action.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Deal name")).toBeVisible();
  await page.getByLabel("Deal name").fill("Keyboard renewal");
  await page.getByLabel("Company").selectOption({ label: "Initech" });
  await page.getByLabel("Amount (USD)").fill("9000");
  await page.getByRole("button", { name: "Create deal" }).press("Enter");
  await expect(page.getByRole("dialog", { name: "Move it forward" })).toHaveAttribute("data-mode", "anchored");
  const stage = page.locator("[data-tour=deal-stage]");
  await popover(page).getByRole("button", { name: "Skip this step" }).focus();
  await page.keyboard.press("Tab");
  await expect.poll(() => stage.evaluate((form) => form.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Shift+Tab");
  await expect(popover(page).getByRole("button", { name: "Skip this step" })).toBeFocused();
});

test.describe("the tour's own target finder", () => {
  // The finder is injected as an inline script, which the product's content security policy rightly refuses.
  test.use({ bypassCSP: true });

  test("findTarget by role and name agrees with Playwright's own accessible names on the product's markup", async ({ page }) => {
    const sandboxPath = `/s/${await startTour(page)}`;
    await page.goto(`${sandboxPath}/deals/new`);
    await expect(page.getByLabel("Deal name")).toBeVisible();
    // The very module the tour ships, bundled for the page (it has no export of its own there).
    const bundle = await build({
      entryPoints: ["components/tour/find-target.ts"],
      bundle: true,
      format: "iife",
      globalName: "tourFind",
      write: false,
    });
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? "" });

    /** Marks what findTarget returns, so Playwright's getByRole can say whether it is the same element. */
    const mark = (role: string, name: string) =>
      page.evaluate(
        ([r, n]) => {
          for (const old of document.querySelectorAll("[data-found]")) old.removeAttribute("data-found");
          const found = (window as unknown as { tourFind: typeof import("@/components/tour/find-target") }).tourFind.findTarget({
            locate: { role: r as string, name: n as string },
          });
          found?.setAttribute("data-found", "");
          return found !== null;
        },
        [role, name],
      );
    const cases: [Parameters<Page["getByRole"]>[0], string, string][] = [
      ["button", "Talk to a human", "talk to a human"],
      ["link", "New deal", "  NEW   deal "],
      ["navigation", "Product", "product"],
      ["heading", "New deal", "New deal"],
      ["textbox", "Deal name", "Deal name"],
      ["combobox", "Company", "company"],
      ["button", "Create deal", "Create deal"],
    ];
    for (const [role, name, asWritten] of cases) {
      expect(await mark(role, asWritten), `${role} "${asWritten}"`).toBe(true);
      await expect(page.getByRole(role, { name, exact: true }).first()).toHaveAttribute("data-found", "");
    }
    // Hidden elements do not count: the "Talk to a human" panel is a named region only once it is open.
    expect(await mark("region", "Talk to a human")).toBe(false);
    await page.getByRole("button", { name: "Talk to a human" }).click();
    expect(await mark("region", "Talk to a human")).toBe(true);
    await expect(page.getByRole("region", { name: "Talk to a human" })).toHaveAttribute("data-found", "");
    expect(await mark("button", "Talk")).toBe(false);
  });
});

test("the welcome card comes with the page's HTML, is held until the tour is live, and never shows to a returning visitor", async ({
  browser,
  page,
}) => {
  // A browser without JavaScript shows exactly what the server sent: the card, its buttons announced as disabled.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const served = await noScript.newPage();
  await served.goto("/try/pipeline-basics");
  const card = served.getByRole("dialog", { name: "Welcome to Pipeline" });
  await expect(card).toBeVisible();
  await expect(card.getByRole("button", { name: "Start the tour" })).toBeDisabled();
  await expect(card.getByRole("button", { name: "Close tour" })).toBeDisabled();
  // The live region is in the page from the start, empty: a region added together with its text is not read.
  await expect(served.locator(".tour-live[role=status][aria-live=polite]")).toHaveText("");
  await noScript.close();

  // Live, the same card works; one step on, a reload resumes there without the welcome card ever displayed.
  await startTour(page);
  await next(page, "Start the tour");
  const resumed = (await popover(page).getByRole("heading").first().textContent()) ?? "";
  expect(resumed).not.toBe("Welcome to Pipeline");
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { openingCardsSeen: seen });
    new MutationObserver(() => {
      for (const element of document.querySelectorAll<HTMLElement>(".tour-popover[data-prerendered]")) {
        seen.push(getComputedStyle(element).display);
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await expect(popover(page).getByRole("heading").first()).toHaveText(resumed);
  const seen = await page.evaluate(() => (window as unknown as { openingCardsSeen: string[] }).openingCardsSeen);
  expect(seen.length, "the server sent the card, hidden").toBeGreaterThan(0);
  expect(seen.every((display) => display === "none")).toBe(true);
});
