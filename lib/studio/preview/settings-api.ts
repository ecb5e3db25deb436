// PATCH /api/studio/preview/<sandbox> {persona, locale}: the member switches their preview's persona or locale.
// The route (lib/http/team-route.ts) parses the body with previewSettingsSchema; here it is checked against the demo
// itself — only its personas and locales — and a refusal is thrown as an ApiError.
import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import { demoDefinition, previewPageFor } from "./preview-page";
import { findMemberPreview, updatePreviewSettings } from "./preview-sandboxes";

export const previewSettingsSchema = z.object({
  /** "" or absent: no persona, the tour everyone gets. */
  persona: z.string().max(32).optional(),
  locale: z.string().max(16).optional(),
});

const notFound = () => new ApiError(404, "No such preview: open the demo from the studio again");

export async function patchPreviewSettings(sandboxId: string, memberId: string, settings: z.output<typeof previewSettingsSchema>) {
  const preview = await findMemberPreview(sandboxId, memberId);
  if (!preview) throw notFound();
  const definition = await demoDefinition(preview.demoSlug);
  if (!definition) throw notFound();
  const personas: readonly string[] = definition.personas ?? [];
  const locales = definition.locales ?? ["en"];
  const persona = settings.persona || undefined;
  if (persona && !personas.includes(persona)) {
    throw new ApiError(400, `persona must be one of this demo's: ${personas.join(", ") || "(it has none)"}`);
  }
  const locale = settings.locale ?? preview.locale ?? undefined;
  if (locale && !locales.includes(locale)) throw new ApiError(400, `locale must be one of this demo's: ${locales.join(", ")}`);
  const updated = await updatePreviewSettings(preview, { persona, locale });
  return { preview: await previewPageFor(updated, definition) };
}
