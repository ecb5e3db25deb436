// How a walk reads in a terminal: a line per demo, path and viewport, and for a failure where to fix it.
import "server-only";
import type { PathOutcome } from "./walk-path";

export function describeOutcome(slug: string, outcome: PathOutcome): string {
  const { checked, failure } = outcome;
  const head = `${checked.ok ? "✓" : "✗"} ${slug} · ${checked.path} · ${checked.viewport}`;
  if (!failure) return `${head} — ${checked.steps} steps`;
  return [
    `${head} — failed at step ${failure.stepId}`,
    `    ${failure.location} — step ${failure.stepId}`,
    `    expected: ${failure.expected}`,
    `    found:    ${failure.found}`,
    ...(failure.screenshot ? [`    screenshot: ${failure.screenshot}`] : []),
  ].join("\n");
}
