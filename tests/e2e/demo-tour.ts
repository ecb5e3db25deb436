// Steps the per-demo tour specs share: trying a demo from the gallery, reading the step on screen, and
// reaching controls by keyboard alone (Tab until focused, then a key), as a visitor without a mouse does.
import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";

export const popover = (page: Page) => page.getByTestId("tour-popover");

/** Opens the gallery and tries a demo (optionally as a persona); returns the sandbox's path. */
export async function tryDemo(page: Page, title: string, persona?: string): Promise<string> {
  await page.goto("/");
  await page.getByRole("link", { name: persona ? `Try it as ${persona}: ${title}` : `Try it: ${title}` }).click();
  await page.waitForURL(/\/s\/[A-Za-z0-9_-]{22}$/);
  return new URL(page.url()).pathname;
}

/** The step on screen has this title; axe finds nothing serious on the page with it. */
export async function expectStep(page: Page, title: string, options: { axe?: boolean } = {}): Promise<void> {
  await expect(popover(page).getByRole("heading", { name: title })).toBeVisible();
  if (options.axe !== false) await expectNoAxeViolations(page);
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement).catch(() => false);
}

/** Presses Tab until `locator` has focus (Shift+Tab with backwards), failing if it never does. */
export async function tabTo(page: Page, locator: Locator, options: { backwards?: boolean; max?: number } = {}): Promise<void> {
  await expect(locator).toBeVisible();
  for (let presses = 0; presses < (options.max ?? 80); presses++) {
    if (await isFocused(locator)) return;
    await page.keyboard.press(options.backwards ? "Shift+Tab" : "Tab");
  }
  expect(await isFocused(locator), "reachable by Tab").toBe(true);
}

/** Tabs to a button or link and presses Enter. */
export async function pressByKeyboard(page: Page, locator: Locator): Promise<void> {
  await tabTo(page, locator);
  await page.keyboard.press("Enter");
}

/** The tour's own button, by its label, pressed by keyboard. */
export async function pressTourButton(page: Page, name: string | RegExp): Promise<void> {
  await pressByKeyboard(page, popover(page).getByRole("button", { name, exact: typeof name === "string" }));
}

/** The popover fits inside the viewport (a small screen must not push it off). */
export async function expectPopoverInViewport(page: Page): Promise<void> {
  const box = await popover(page).boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport).toBeTruthy();
  if (!box || !viewport) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width + 1);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 1);
}

/**
 * On a phone, a control is clear of the bottom sheet: a step's found target at once (the sheet scrolls it
 * above itself), any other control once the visitor scrolls to the end of the page (`scrollToEnd`).
 */
export async function expectReachableAboveSheet(page: Page, locator: Locator, options: { scrollToEnd?: boolean } = {}): Promise<void> {
  if (options.scrollToEnd ?? true) {
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: "instant" }));
  }
  await expect
    .poll(() =>
      locator.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return hit !== null && (hit === element || element.contains(hit));
      }),
    )
    .toBe(true);
}

/**
 * Records, from the page's first script on, each state the step card shows: `<step>:<mode>` and `:looking`
 * while it says it is looking for its target. A late target shows as a step seen looking, then placed.
 */
export async function recordStepStates(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __stepStates: string[] }).__stepStates = seen;
    const note = () => {
      const card = document.querySelector<HTMLElement>("[data-testid=tour-popover]");
      if (!card) return;
      const state = `${card.dataset.step}:${card.dataset.mode}${card.querySelector("[data-testid=tour-looking]") ? ":looking" : ""}`;
      if (seen.at(-1) !== state) seen.push(state);
    };
    new MutationObserver(note).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-mode", "data-step"],
    });
  });
  return () => page.evaluate(() => (window as unknown as { __stepStates: string[] }).__stepStates);
}
