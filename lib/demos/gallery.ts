// Reads registered demos for the gallery and the tour player.
import "server-only";
import { asc, eq } from "drizzle-orm";
import { controlDb } from "@/db/client";
import { demos } from "@/db/control/schema";
import type { TourDemo } from "./demo-schema";
import { chooseLocale, textIn } from "./locale";
import { type PersonaId, personaLabels, stepsForPersona } from "./personas";
import { renderStepMarkdown } from "./step-markdown";

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
 * The tour a visitor sees: the steps for everyone plus, when they chose a persona, that persona's branch, in
 * the demo locale that best matches their Accept-Language (the demo's first locale when none does).
 */
export function loadTourDemo(slug: string, persona?: PersonaId, acceptLanguage?: string | null): TourDemo | undefined {
  const row = controlDb().select({ definition: demos.definition }).from(demos).where(eq(demos.slug, slug)).get();
  if (!row) return undefined;
  const { title, steps, locales } = row.definition;
  // Definitions registered before locales existed have none: they are written in English.
  const available = locales ?? ["en"];
  const locale = chooseLocale(acceptLanguage, available);
  const fallback = available[0] ?? locale;
  const read = (text: Parameters<typeof textIn>[0]) => textIn(text, locale, fallback);
  // Rendered here, on the server: the browser gets HTML that holds only strong, em, code and a, never Markdown.
  const rendered = stepsForPersona(steps, persona).map((step) => {
    const body = read(step.body);
    return {
      ...step,
      title: read(step.title),
      body,
      nextLabel: step.nextLabel && read(step.nextLabel),
      bodyHtml: renderStepMarkdown(body).html,
    };
  });
  return { slug, title: read(title), steps: rendered, persona, locale };
}
