// The demos a share link may point at, with the roles each offers: the registered demos, read once per call.
import "server-only";
import { demoDefinition, demosInGalleryOrder } from "@/db/queries/demos";
import { type PersonaId, personaLabels } from "@/lib/demos/personas";

/** The personas a registered demo offers, or undefined when there is no such demo. */
export async function loadDemoPersonas(slug: string): Promise<PersonaId[] | undefined> {
  const definition = await demoDefinition(slug);
  return definition ? [...(definition.personas ?? [])] : undefined;
}

/** For the link form's choices. */
export async function listDemoOptions() {
  return (await demosInGalleryOrder()).map(({ slug, title, definition }) => ({
    slug,
    title,
    personas: (definition.personas ?? []).map((id) => ({ id, label: personaLabels[id] })),
  }));
}
