// One path of one demo at one viewport, as a prospect walks it: "Try it" provisions a sandbox, then at every
// step the walk checks the target and runs axe, does what the step asks (its do: recipe, a choice's answer,
// the navigate button) and sees the tour move on; the CTA must link where the demo says. It stops at the first
// step that fails, with that step's place in demo.yaml, what it expected and found, and a screenshot.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright";
import type { CheckedPath, CheckFailure } from "@/lib/demos/check-run-schema";
import type { DemoDefinition, DemoStep } from "@/lib/demos/demo-schema";
import { allSteps, type TourStep } from "@/lib/demos/tour-graph";
import { checkTarget } from "./check-target";
import { describeNamed, locate } from "./locate";
import { performRecipe } from "./perform-recipe";
import type { LocateStep } from "./step-location";
import { type Viewport, viewports } from "./viewports";
import { contactPlaceholder, type WalkPath } from "./walk-paths";

export type WalkedDemo = { slug: string; definition: DemoDefinition; demoDir: string; locateStep: LocateStep };
export type PathOutcome = { checked: CheckedPath; failure?: CheckFailure };
export type WalkSettings = { baseUrl: string; screenshotsDir: string };

/** How long the tour has to show a step after the walk did what the previous one asked. */
const stepMs = 10_000;
const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Failed = { stepId: string; location: string; expected: string; found: string };

class StepFailed extends Error {
  constructor(readonly failed: Failed) {
    super(failed.found);
  }
}

const popoverOf = (page: Page, stepId?: string) =>
  page.locator(stepId ? `[data-testid="tour-popover"][data-step="${stepId}"]` : '[data-testid="tour-popover"]');

/** What is on screen instead of the step the walk expected. */
async function onScreen(page: Page): Promise<string> {
  const shown = await popoverOf(page)
    .getAttribute("data-step", { timeout: 500 })
    .catch(() => null);
  const where = new URL(page.url()).pathname;
  return shown ? `the step ${shown} is shown on ${where}` : `no tour step is shown on ${where}`;
}

async function seeStep(page: Page, step: TourStep, fail: (found: string) => Failed): Promise<void> {
  try {
    await popoverOf(page, step.id).waitFor({ state: "visible", timeout: stepMs });
  } catch {
    throw new StepFailed(fail(`${await onScreen(page)} after ${stepMs / 1000} s`));
  }
}

/**
 * axe over the whole page, or over the step's popover alone when the page is the one the last full scan saw
 * (same path, nothing done to it since): a full scan is two thirds of a walk's time, and between two steps on an
 * untouched page only the popover differs.
 */
async function axeProblems(page: Page, scope: "page" | "popover"): Promise<string | undefined> {
  // A page mid-refresh (a Server Action's re-render puts its metadata back) can be without a <title> for a moment:
  // wait for one, briefly, and let axe judge a page that really has none.
  if (scope === "page") await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 }).catch(() => {});
  const builder = new AxeBuilder({ page }).withTags(axeTags);
  const results = await (scope === "page" ? builder : builder.include('[data-testid="tour-popover"]')).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  if (serious.length === 0) return undefined;
  return serious
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .map((node) => node.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    )
    .join("; ");
}

async function popoverOutside(page: Page, step: TourStep, viewport: Viewport): Promise<string | undefined> {
  const box = await popoverOf(page, step.id).boundingBox();
  if (!box) return "the step's popover has no size";
  const inside = box.x >= -1 && box.y >= -1 && box.x + box.width <= viewport.width + 1 && box.y + box.height <= viewport.height + 1;
  return inside
    ? undefined
    : `the step's popover is at x ${Math.round(box.x)}, y ${Math.round(box.y)}, ${Math.round(box.width)}×${Math.round(box.height)} px in a ${viewport.width}×${viewport.height} viewport`;
}

async function contactUrlOf(page: Page, baseUrl: string): Promise<string> {
  // The deployment's CONTACT_URL, as the prospect's own "Talk to a human" panel reads it.
  const response = await page.request.get(new URL("/api/conversation", baseUrl).toString());
  const body = (await response.json().catch(() => ({}))) as { team?: { bookingUrl?: string } };
  return body.team?.bookingUrl ?? "(the server did not say its contact URL)";
}

type StepWalk = { demo: WalkedDemo; locale: string; viewport: Viewport; scannedPage?: string };

async function checkStep(page: Page, step: TourStep, source: DemoStep, walk: StepWalk) {
  const at = (field: PropertyKey[] = []) => walk.demo.locateStep(step.id, field);
  const named = step.target ?? (source.locate ? { role: source.locate.role, name: source.locate.name } : undefined);
  if (named) {
    const problem = await checkTarget(page, locate(page, named, walk.locale), describeNamed(named, walk.locale));
    if (problem) throw new StepFailed({ stepId: step.id, location: at([step.target ? "target" : "locate"]), ...problem });
  }
  const outside = await popoverOutside(page, step, walk.viewport);
  if (outside)
    throw new StepFailed({ stepId: step.id, location: at(), expected: "the step's popover inside the viewport", found: outside });
  const here = new URL(page.url()).pathname;
  const axe = await axeProblems(page, walk.scannedPage === here ? "popover" : "page");
  // A step that acts on the page (its do: recipe) changes it: the next step scans it whole again.
  walk.scannedPage = source.do ? undefined : here;
  if (axe) {
    throw new StepFailed({
      stepId: step.id,
      location: at(),
      expected: "no serious or critical accessibility problem (axe, WCAG 2.2 AA)",
      found: axe,
    });
  }
}

async function checkCta(page: Page, step: TourStep, walk: { demo: WalkedDemo; baseUrl: string }): Promise<void> {
  const want = step.cta;
  const url = want?.url === contactPlaceholder ? await contactUrlOf(page, walk.baseUrl) : want?.url;
  const expected = `the call to action “${want?.label}” linking to ${url}`;
  const link = popoverOf(page, step.id).locator("a.tour-cta");
  const fail = (found: string) => new StepFailed({ stepId: step.id, location: walk.demo.locateStep(step.id, ["kind"]), expected, found });
  if ((await link.count()) === 0) {
    const buttons = await popoverOf(page, step.id)
      .getByRole("button")
      .evaluateAll((elements) => elements.map((element) => (element.getAttribute("aria-label") ?? element.textContent ?? "").trim()));
    throw fail(`no call-to-action link in the step; its buttons: ${buttons.map((text) => `“${text}”`).join(", ")}`);
  }
  const [href, text, visible] = [await link.getAttribute("href"), ((await link.textContent()) ?? "").trim(), await link.isVisible()];
  if (!visible) throw fail("the link is there but not visible");
  if (href !== url) throw fail(`it links to ${href}`);
  if (!text.startsWith(want?.label ?? "")) throw fail(`it reads “${text}”`);
}

/** Presses what moves the step on, performs its recipe, and waits until the tour shows the next step. */
async function advance(
  page: Page,
  step: TourStep,
  source: DemoStep,
  next: TourStep,
  walk: { demo: WalkedDemo; locale: string; sandbox: string },
) {
  const popover = popoverOf(page, step.id);
  const at = (field: PropertyKey[] = []) => walk.demo.locateStep(step.id, field);
  let how = "pressing its button";
  let location = at();
  if (step.kind === "choice") {
    const option = step.options?.find((candidate) => candidate.step === next.id);
    how = `answering “${option?.label}”`;
    await popover.getByRole("button", { name: option?.label ?? "", exact: true }).click({ timeout: stepMs });
  } else {
    if (source.do) {
      const failed = await performRecipe(page, source.do, { locale: walk.locale, demoDir: walk.demo.demoDir });
      if (failed)
        throw new StepFailed({ stepId: step.id, location: at(["do", failed.index]), expected: failed.expected, found: failed.found });
      how = "doing what its do: recipe says";
      location = at(["do"]);
    }
    if (step.waitFor) {
      how = `${how}, which the product should record as ${step.waitFor.action}`;
      location = at(["waitFor"]);
    } else {
      await popover.locator(".tour-button-primary").click({ timeout: stepMs });
    }
  }
  await seeStep(page, next, (found) => ({
    stepId: step.id,
    location,
    expected: `the tour to move on to “${next.title}” after ${how}`,
    found,
  }));
  if (step.navigate) {
    const wanted = `${walk.sandbox}${step.navigate.path === "/" ? "" : step.navigate.path}`;
    const now = new URL(page.url()).pathname;
    if (now !== wanted) {
      throw new StepFailed({
        stepId: step.id,
        location: at(["navigate"]),
        expected: `to be on ${wanted}`,
        found: `the browser is on ${now}`,
      });
    }
  }
}

export async function walkPath(
  browser: Browser,
  demo: WalkedDemo,
  walkPath: WalkPath,
  viewportClass: keyof typeof viewports,
  settings: WalkSettings,
): Promise<PathOutcome> {
  const viewport = viewports[viewportClass];
  const context = await browser.newContext({ viewport, locale: walkPath.locale, baseURL: settings.baseUrl });
  // tsx compiles this file keeping function names (a __name(…) helper around inner functions); the functions the
  // walk sends into the page carry those calls, so the page gets the same helper, as a no-op.
  await context.addInitScript({ content: "globalThis.__name ??= (fn) => fn;" });
  const page = await context.newPage();
  const sources = new Map(allSteps(demo.definition).map(({ step }) => [step.id, step]));
  const walk: StepWalk & { baseUrl: string; sandbox: string } = {
    demo,
    locale: walkPath.locale,
    viewport,
    baseUrl: settings.baseUrl,
    sandbox: "",
  };
  let checkedSteps = 0;
  try {
    const first = walkPath.steps[0]?.step;
    const query = walkPath.persona ? `?persona=${walkPath.persona}` : "";
    const response = await page.goto(`/try/${demo.slug}${query}`);
    walk.sandbox = new URL(page.url()).pathname;
    if (!/^\/s\/[A-Za-z0-9_-]+$/.test(walk.sandbox) || !first) {
      throw new StepFailed({
        stepId: first?.id ?? "",
        location: demo.locateStep(first?.id ?? ""),
        expected: `“Try it” (/try/${demo.slug}${query}) to open a sandbox`,
        found: `${response?.status() ?? "no answer"} on ${walk.sandbox}: ${(await page.title()) || "(untitled)"}`,
      });
    }
    await seeStep(page, first, (found) => ({
      stepId: first.id,
      location: demo.locateStep(first.id),
      expected: `the tour to start with “${first.title}”`,
      found,
    }));
    for (const [index, { step }] of walkPath.steps.entries()) {
      const source = sources.get(step.id) as DemoStep;
      await checkStep(page, step, source, walk);
      const next = walkPath.steps[index + 1]?.step;
      if (step.kind === "cta") await checkCta(page, step, walk);
      checkedSteps = index + 1;
      if (next) await advance(page, step, source, next, walk);
    }
    return { checked: { path: walkPath.name, viewport: viewportClass, ok: true, steps: checkedSteps } };
  } catch (error) {
    const failed: Failed =
      error instanceof StepFailed
        ? error.failed
        : {
            stepId: walkPath.steps[checkedSteps]?.step.id ?? "",
            location: demo.locateStep(walkPath.steps[checkedSteps]?.step.id ?? ""),
            expected: "the walk to go on",
            found: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error),
          };
    const file = `${demo.slug}--${walkPath.name.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}--${viewportClass}--${failed.stepId || "start"}.png`;
    fs.mkdirSync(settings.screenshotsDir, { recursive: true });
    const screenshot = path.join(settings.screenshotsDir, file);
    const saved = await page.screenshot({ path: screenshot }).then(
      () => path.relative(process.cwd(), screenshot),
      () => null,
    );
    return {
      checked: { path: walkPath.name, viewport: viewportClass, ok: false, steps: checkedSteps },
      failure: { path: walkPath.name, viewport: viewportClass, ...failed, screenshot: saved },
    };
  } finally {
    await context.close();
  }
}
