// Reads registered demos for the gallery and the tour player.
import "server-only";
import { demoDefinition, demoIsRegistered, demosInGalleryOrder } from "@/db/queries/demos";
import { runtime } from "@/lib/runtime/runtime";
import { chooseLocale } from "./locale";
import { type PersonaId, personaLabels } from "./personas";
import { compileTour, type TourDemo } from "./tour-graph";

export async function listGalleryDemos() {
  return (await demosInGalleryOrder()).map(({ definition, ...demo }) => ({
    ...demo,
    /** The roles a visitor may pick, each a plain link: choosing one is a click, never a form. */
    personas: (definition.personas ?? []).map((id) => ({ id, label: personaLabels[id] })),
    /** Where in the buyer's journey the demo is for; the embedded demo center filters by it. */
    funnelStage: definition.funnelStage,
  }));
}

export function isRegisteredDemo(slug: string): Promise<boolean> {
  return demoIsRegistered(slug);
}

/**
 * The tour a visitor sees: the steps their persona can meet on the demo's paths, in the demo locale that best
 * matches their Accept-Language (the demo's first locale when none does), compiled by tour-graph.ts.
 */
export async function loadTourDemo(slug: string, persona?: PersonaId, acceptLanguage?: string | null): Promise<TourDemo | undefined> {
  const definition = await demoDefinition(slug);
  if (!definition) return undefined;
  // Definitions registered before locales existed have none: they are written in English.
  const locale = chooseLocale(acceptLanguage, definition.locales ?? ["en"]);
  return compileTour(definition, { slug, persona, locale, contactUrl: runtime().config.contactUrl });
}
