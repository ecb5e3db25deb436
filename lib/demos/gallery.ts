// Reads registered demos for the gallery and the tour player.
import { asc, eq } from "drizzle-orm";
import { controlDb } from "@/db/client";
import { demos } from "@/db/control/schema";
import type { DemoDefinition, TourDemo } from "./demo-schema";

export function listGalleryDemos() {
  return controlDb()
    .select({
      slug: demos.slug,
      title: demos.title,
      persona: demos.persona,
      durationMinutes: demos.durationMinutes,
      summary: demos.summary,
    })
    .from(demos)
    .orderBy(asc(demos.position), asc(demos.title))
    .all();
}

export function isRegisteredDemo(slug: string): boolean {
  return controlDb().select({ slug: demos.slug }).from(demos).where(eq(demos.slug, slug)).get() !== undefined;
}

export function loadTourDemo(slug: string): TourDemo | undefined {
  const row = controlDb().select({ definition: demos.definition }).from(demos).where(eq(demos.slug, slug)).get();
  if (!row) return undefined;
  const definition = row.definition as DemoDefinition;
  return { slug, title: definition.title, steps: definition.steps };
}
