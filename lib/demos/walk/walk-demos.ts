// Walks every path of every demo at both viewports in one Chromium, a couple of pages at a time (two cores
// are shared with the server being walked), and gathers each demo's result as the record the studio reads.
import "server-only";
import path from "node:path";
import { chromium } from "playwright";
import type { CheckRun, viewportClasses } from "@/lib/demos/check-run-schema";
import { describeOutcome } from "./report";
import { stepLocator } from "./step-location";
import { type PathOutcome, type WalkedDemo, walkPath } from "./walk-path";
import { walkPaths } from "./walk-paths";

export type WalkOptions = {
  baseUrl: string;
  demosDir: string;
  viewports: readonly (typeof viewportClasses)[number][];
  screenshotsDir: string;
  /** Pages walked at once. */
  parallel: number;
  chromiumPath: string;
  log: (line: string) => void;
};

/** Headless Chromium announces itself (HeadlessChrome, navigator.webdriver): the product files its visitors as bots. */
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

export async function walkDemos(demos: Pick<WalkedDemo, "slug" | "definition">[], options: WalkOptions): Promise<CheckRun[]> {
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: chromiumArgs });
  try {
    const tasks = demos.flatMap((demo) => {
      const walked: WalkedDemo = {
        ...demo,
        demoDir: path.join(options.demosDir, demo.slug),
        locateStep: stepLocator(options.demosDir, demo.slug, demo.definition),
      };
      const paths = walkPaths(demo.slug, demo.definition);
      options.log(`${demo.slug}: ${paths.length} path(s) × ${options.viewports.length} viewport(s)`);
      return paths.flatMap((route) => options.viewports.map((viewport) => ({ demo: walked, route, viewport })));
    });
    const outcomes = new Map<string, PathOutcome[]>(demos.map((demo) => [demo.slug, []]));
    const started = new Map<string, number>();
    const finished = new Map<string, number>();
    let nextTask = 0;
    const worker = async () => {
      for (let task = tasks[nextTask++]; task; task = tasks[nextTask++]) {
        if (!started.has(task.demo.slug)) started.set(task.demo.slug, performance.now());
        const outcome = await walkPath(browser, task.demo, task.route, task.viewport, options);
        options.log(describeOutcome(task.demo.slug, outcome));
        outcomes.get(task.demo.slug)?.push(outcome);
        finished.set(task.demo.slug, performance.now());
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.parallel) }, worker));
    return demos.map((demo) => {
      const done = outcomes.get(demo.slug) ?? [];
      return {
        slug: demo.slug,
        checkedAt: new Date(),
        baseUrl: options.baseUrl,
        durationMs: Math.round((finished.get(demo.slug) ?? 0) - (started.get(demo.slug) ?? 0)),
        paths: done.map((outcome) => outcome.checked),
        failures: done.flatMap((outcome) => (outcome.failure ? [outcome.failure] : [])),
      };
    });
  } finally {
    await browser.close();
  }
}
