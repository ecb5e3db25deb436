// What one `demos:check` browser walk found for one demo: the shape the checker writes and the studio reads.
// No "server-only": the checker script and the studio's server code both use it, and it holds no state.
import { z } from "zod";

export const viewportClasses = ["desktop", "phone"] as const;

/** One walk of one path (a persona's route through the steps, choices taken) at one viewport. */
export const checkedPathSchema = z.object({
  /** How the walk chose its way: the persona (or "everyone") and the choice answers, e.g. "sales-leader › pipeline". */
  path: z.string().max(200),
  viewport: z.enum(viewportClasses),
  ok: z.boolean(),
  steps: z.number().int().nonnegative(),
});
export type CheckedPath = z.infer<typeof checkedPathSchema>;

/** A step that failed: where it is declared, what the walk expected and what it found. */
export const checkFailureSchema = z.object({
  path: z.string().max(200),
  viewport: z.enum(viewportClasses),
  stepId: z.string().max(200),
  /** demos/<slug>/demo.yaml:<line>:<col>, as a marketer opens it. */
  location: z.string().max(500),
  expected: z.string().max(2000),
  found: z.string().max(2000),
  /** Relative to the repository, under test-results/demos/. */
  screenshot: z.string().max(500).nullable(),
});
export type CheckFailure = z.infer<typeof checkFailureSchema>;

export const checkRunSchema = z.object({
  slug: z.string().min(1).max(100),
  checkedAt: z.date(),
  baseUrl: z.string().max(2000),
  durationMs: z.number().int().nonnegative(),
  paths: z.array(checkedPathSchema),
  failures: z.array(checkFailureSchema),
});
export type CheckRun = z.infer<typeof checkRunSchema>;
