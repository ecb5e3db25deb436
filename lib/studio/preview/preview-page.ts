// What /studio/preview/<slug> shows: the member's throwaway sandbox for the demo, the demo's personas and locales
// with the ones chosen, and the step list with a way into each step. The page renders it as it is.
import "server-only";
import type { PreviewSandbox } from "@/db/control/schema";
import { demoDefinition as registeredDefinition } from "@/db/queries/demos";
import { companies, contacts, deals } from "@/db/sandbox/schema";
import type { DemoDefinition } from "@/lib/demos/demo-schema";
import { loadTourDemo } from "@/lib/demos/gallery";
import { type PersonaId, personaLabels } from "@/lib/demos/personas";
import { openSandbox } from "@/lib/sandbox/handles";
import { storedPersonalization } from "@/lib/sandbox/personalization";
import { openPreview } from "./preview-sandboxes";
import { type PreviewStep, previewSteps, type RouteIds } from "./step-list";

export type PreviewPage = {
  sandboxId: string;
  slug: string;
  title: string;
  personas: { id: PersonaId; label: string }[];
  persona?: PersonaId;
  locales: string[];
  locale: string;
  steps: PreviewStep[];
};

export function demoDefinition(slug: string): Promise<DemoDefinition | undefined> {
  return registeredDefinition(slug);
}

/** The first deal, company and contact in the sandbox: where a step on "a deal's page" is opened. */
function firstIds(sandboxId: string): RouteIds {
  const db = openSandbox(sandboxId);
  return {
    deal: db.select({ id: deals.id }).from(deals).orderBy(deals.id).limit(1).get()?.id,
    company: db.select({ id: companies.id }).from(companies).orderBy(companies.id).limit(1).get()?.id,
    contact: db.select({ id: contacts.id }).from(contacts).orderBy(contacts.id).limit(1).get()?.id,
  };
}

export async function previewPageFor(preview: PreviewSandbox, definition: DemoDefinition): Promise<PreviewPage | undefined> {
  const persona = storedPersonalization(preview.personalization)?.persona;
  const locales = definition.locales ?? ["en"];
  const tour = await loadTourDemo(preview.demoSlug, persona, preview.locale ?? locales[0]);
  if (!tour) return undefined;
  return {
    sandboxId: preview.id,
    slug: preview.demoSlug,
    title: tour.title,
    personas: (definition.personas ?? []).map((id) => ({ id, label: personaLabels[id] })),
    persona,
    locales,
    locale: tour.locale,
    steps: previewSteps(definition, tour, firstIds(preview.id)),
  };
}

/** The member's preview of the demo, opened (or made) now; undefined for a demo that is not registered. */
export async function openPreviewPage(memberId: string, slug: string): Promise<PreviewPage | undefined> {
  const definition = await demoDefinition(slug);
  if (!definition) return undefined;
  return previewPageFor(await openPreview(memberId, slug), definition);
}
