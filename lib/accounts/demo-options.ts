// The demos a share link may point at, with the roles each offers: the registered demos, read once per call.
import "server-only";
import { asc, eq } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { demos } from "@/db/control/schema";
import { type PersonaId, personaLabels } from "@/lib/demos/personas";

/** The personas a registered demo offers, or undefined when there is no such demo. */
export function loadDemoPersonas(slug: string, db: ControlDb = controlDb()): PersonaId[] | undefined {
  const row = db.select({ definition: demos.definition }).from(demos).where(eq(demos.slug, slug)).get();
  return row ? [...(row.definition.personas ?? [])] : undefined;
}

/** For the link form's choices. */
export function listDemoOptions(db: ControlDb = controlDb()) {
  return db
    .select({ slug: demos.slug, title: demos.title, definition: demos.definition })
    .from(demos)
    .orderBy(asc(demos.position), asc(demos.title))
    .all()
    .map(({ slug, title, definition }) => ({
      slug,
      title,
      personas: (definition.personas ?? []).map((id) => ({ id, label: personaLabels[id] })),
    }));
}
