// Registers the demos found in demos/ into the control plane, and serves their templates at run time.
import { notInArray } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { demos } from "@/db/control/schema";
import { ensureTemplate } from "./compile-template";
import { type LoadedDemo, loadAllDemos, loadDemo } from "./load-demo";
import { DemoFileError } from "./parse-yaml-file";

/** Validates every demo, compiles today's templates and upserts the demos table. Throws all problems at once. */
export function registerDemos(db: ControlDb = controlDb()): LoadedDemo[] {
  const { demos: loaded, problems } = loadAllDemos();
  if (problems.length > 0) throw new DemoFileError(problems.flatMap((problem) => problem.problems));
  const now = new Date();
  db.transaction((tx) => {
    for (const demo of loaded) {
      ensureTemplate(demo, now);
      const row = {
        slug: demo.slug,
        title: demo.definition.title,
        persona: demo.definition.persona,
        durationMinutes: demo.definition.durationMinutes,
        summary: demo.definition.summary,
        definition: demo.definition,
        sourceHash: demo.sourceHash,
        position: demo.definition.position,
        updatedAt: now,
      };
      tx.insert(demos).values(row).onConflictDoUpdate({ target: demos.slug, set: row }).run();
    }
    tx.delete(demos)
      .where(notInArray(demos.slug, loaded.map((demo) => demo.slug)))
      .run();
  });
  return loaded;
}

const loadedCache = new Map<string, { demo: LoadedDemo; day: string }>();

/**
 * Today's template for a registered demo. Demo files are read once per process per day;
 * the day is part of the template's name, so the first visitor after midnight compiles the next one.
 */
export function templateFor(slug: string, now = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  let cached = loadedCache.get(slug);
  if (!cached || cached.day !== day) {
    cached = { demo: loadDemo(slug), day };
    loadedCache.set(slug, cached);
  }
  return ensureTemplate(cached.demo, now);
}
