// Every demo folder as the loader reads it right now: the valid definition, or the file:line problems that
// stop it loading. Read on every studio request, so a file broken after start-up shows without a restart.
import "server-only";
import path from "node:path";
import type { DemoDefinition } from "@/lib/demos/demo-schema";
import { listDemoSlugs, loadAllDemos } from "@/lib/demos/load-demo";
import { type DemoFileProblem, formatProblem } from "@/lib/demos/parse-yaml-file";

export type DemoFiles = { slug: string; definition?: DemoDefinition; problems: string[] };

/** The demo folder a problem's file is in (its path is shown as demos/<slug>/<file>). */
function slugOfProblems(problems: DemoFileProblem[], slugs: Set<string>): string | undefined {
  for (const problem of problems) {
    const folder = problem.file.split(/[\\/]/).find((segment) => slugs.has(segment));
    if (folder) return folder;
  }
  return undefined;
}

/** Each folder of demos/, in the loader's order, with its definition or its problems. */
export function readDemoFiles(): DemoFiles[] {
  const slugs = listDemoSlugs();
  const { demos, problems } = loadAllDemos();
  const known = new Set(slugs);
  const bySlug = new Map<string, DemoFiles>(slugs.map((slug) => [slug, { slug, problems: [] }]));
  for (const demo of demos) bySlug.set(demo.slug, { slug: demo.slug, definition: demo.definition, problems: [] });
  for (const error of problems) {
    // A folder the loader refused by its name alone (not a slug) is named by its path.
    const slug = slugOfProblems(error.problems, known) ?? path.basename(path.dirname(error.problems[0]?.file ?? "demos/unknown/x"));
    const entry = bySlug.get(slug) ?? { slug, problems: [] };
    entry.problems.push(...error.problems.map(formatProblem));
    bySlug.set(slug, entry);
  }
  return [...bySlug.values()];
}
