// PATCH /api/studio/preview/<sandbox> {persona, locale}: the member switches their preview's persona or locale.
// Parsed against the demo itself — only its personas and locales — and answered in the one {error} shape.
import "server-only";
import { z } from "zod";
import { parseJsonBody } from "@/lib/http/read-json-body";
import { jsonError, jsonOk } from "@/lib/http/responses";
import { demoDefinition, previewPageFor } from "./preview-page";
import { findMemberPreview, updatePreviewSettings } from "./preview-sandboxes";

const settingsSchema = z.object({
  /** "" or absent: no persona, the tour everyone gets. */
  persona: z.string().max(32).optional(),
  locale: z.string().max(16).optional(),
});

const notFound = "No such preview: open the demo from the studio again";

export async function patchPreviewSettings(request: Request, sandboxId: string, memberId: string): Promise<Response> {
  const preview = await findMemberPreview(sandboxId, memberId);
  if (!preview) return jsonError(404, notFound);
  const definition = await demoDefinition(preview.demoSlug);
  if (!definition) return jsonError(404, notFound);
  const body = await parseJsonBody(
    {
      contentType: request.headers.get("content-type"),
      contentLength: request.headers.get("content-length"),
      chunks: request.body as AsyncIterable<Uint8Array> | null,
    },
    settingsSchema,
    1024,
  );
  if (!body.ok) return jsonError(body.status, body.error);
  const personas: readonly string[] = definition.personas ?? [];
  const locales = definition.locales ?? ["en"];
  const persona = body.value.persona || undefined;
  if (persona && !personas.includes(persona)) {
    return jsonError(400, `persona must be one of this demo's: ${personas.join(", ") || "(it has none)"}`);
  }
  const locale = body.value.locale ?? preview.locale ?? undefined;
  if (locale && !locales.includes(locale)) return jsonError(400, `locale must be one of this demo's: ${locales.join(", ")}`);
  const updated = await updatePreviewSettings(preview, { persona, locale });
  return jsonOk({ preview: await previewPageFor(updated, definition) });
}
