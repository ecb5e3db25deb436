// Registers the demos found in demos/ into the control plane, and serves their templates at run time.
import "server-only";
import fs from "node:fs";
import { notInArray } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { demos } from "@/db/control/schema";
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
export function registerDemos(db: ControlDb = controlDb()): LoadedDemo[] {
  const { demos: loaded, problems } = loadAllDemos();
  if (problems.length > 0) throw new DemoFileError(problems.flatMap((problem) => problem.problems));
  saveDemos(loaded, [], db);
  return loaded;
}

/**
 * Compiles today's templates for `loaded` and upserts them; every other registered demo is deleted unless its
 * slug is in `keep` (the dev reload keeps a demo whose files are broken right now at its last good version).
 */
export function saveDemos(loaded: LoadedDemo[], keep: string[], db: ControlDb = controlDb()): void {
  const now = new Date();
  db.transaction((tx) => {
    for (const demo of loaded) {
      ensureTemplate(demo, now);
      const row = {
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
      tx.insert(demos).values(row).onConflictDoUpdate({ target: demos.slug, set: row }).run();
    }
    tx.delete(demos)
      .where(notInArray(demos.slug, [...loaded.map((demo) => demo.slug), ...keep]))
      .run();
  });
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
