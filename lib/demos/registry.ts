// Registers the demos found in demos/ into the control plane, and serves their templates at run time.
import "server-only";
import fs from "node:fs";
import { replaceDemos } from "@/db/queries/demos";
import { runtime } from "@/lib/runtime/runtime";
import { ensureTemplate } from "./compile-template";
import { type LoadedDemo, loadAllDemos, loadDemo } from "./load-demo";
import { type LocalizedText, textIn } from "./locale";
import { DemoFileError } from "./parse-yaml-file";

function fallbackText(text: LocalizedText, locales: string[]): string {
  const first = locales[0] ?? "en";
  return textIn(text, first, first);
}

/** Validates every demo, compiles today's templates and upserts the demos table. Throws all problems at once. */
export async function registerDemos(): Promise<LoadedDemo[]> {
  const { demos: loaded, problems } = loadAllDemos();
  if (problems.length > 0) throw new DemoFileError(problems.flatMap((problem) => problem.problems));
  await saveDemos(loaded, []);
  return loaded;
}

/**
 * Compiles today's templates for `loaded` and upserts them; every other registered demo is deleted unless its
 * slug is in `keep` (the dev reload keeps a demo whose files are broken right now at its last good version).
 */
export function saveDemos(loaded: LoadedDemo[], keep: string[]): Promise<void> {
  const now = new Date();
  const rows = loaded.map((demo) => {
    ensureTemplate(demo, now);
    return {
      slug: demo.slug,
      // The gallery's columns hold the demo's first locale; the tour reads every locale from the definition.
      title: fallbackText(demo.definition.title, demo.definition.locales),
      persona: fallbackText(demo.definition.persona, demo.definition.locales),
      durationMinutes: demo.definition.durationMinutes,
      summary: fallbackText(demo.definition.summary, demo.definition.locales),
      definition: demo.definition,
      sourceHash: demo.sourceHash,
      position: demo.definition.position,
      updatedAt: now,
    };
  });
  return replaceDemos(rows, keep);
}

/**
 * Today's template for a registered demo. The demo's files are read only when that day's template is not yet
 * known to this process; the day is part of the template's name, so the first visitor after midnight
 * compiles the next one.
 */
export function templateFor(slug: string, now = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  // Per demo, the template file for a day. Only the file name is kept: a parsed fixture can be megabytes.
  const templateCache = runtime().templates.files;
  const cached = templateCache.get(slug);
  if (cached?.day === day && fs.existsSync(cached.file)) return cached.file;
  const file = ensureTemplate(loadDemo(slug), now);
  templateCache.set(slug, { day, file });
  return file;
}
