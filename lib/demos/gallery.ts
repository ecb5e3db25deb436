// Reads registered demos for the gallery and the tour player.
import "server-only";
import { asc, eq } from "drizzle-orm";
import { controlDb } from "@/db/client";
import { demos } from "@/db/control/schema";
import { runtime } from "@/lib/runtime/runtime";
import { chooseLocale } from "./locale";
import { type PersonaId, personaLabels } from "./personas";
import { compileTour, type TourDemo } from "./tour-graph";

export function listGalleryDemos() {
  return controlDb()
    .select({
      slug: demos.slug,
      title: demos.title,
      persona: demos.persona,
      durationMinutes: demos.durationMinutes,
      summary: demos.summary,
      definition: demos.definition,
    })
    .from(demos)
    .orderBy(asc(demos.position), asc(demos.title))
    .all()
    .map(({ definition, ...demo }) => ({
      ...demo,
      /** The roles a visitor may pick, each a plain link: choosing one is a click, never a form. */
      personas: (definition.personas ?? []).map((id) => ({ id, label: personaLabels[id] })),
    }));
}

export function isRegisteredDemo(slug: string): boolean {
  return controlDb().select({ slug: demos.slug }).from(demos).where(eq(demos.slug, slug)).get() !== undefined;
}

/**
 * The tour a visitor sees: the steps their persona can meet on the demo's paths, in the demo locale that best
 * matches their Accept-Language (the demo's first locale when none does), compiled by tour-graph.ts.
 */
export function loadTourDemo(slug: string, persona?: PersonaId, acceptLanguage?: string | null): TourDemo | undefined {
  const row = controlDb().select({ definition: demos.definition }).from(demos).where(eq(demos.slug, slug)).get();
  if (!row) return undefined;
  // Definitions registered before locales existed have none: they are written in English.
  const locale = chooseLocale(acceptLanguage, row.definition.locales ?? ["en"]);
  return compileTour(row.definition, { slug, persona, locale, contactUrl: runtime().config.contactUrl });
}
