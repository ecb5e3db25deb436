// The studio's live preview of a snippet (GET /embed/preview/<slug>): a blank page with only the snippet on
// it, as a marketing page would hold it, framed by the studio's demo page.
import "server-only";
import { demoDefinition } from "@/db/queries/demos";
import { textIn } from "@/lib/demos/locale";
import { htmlError } from "@/lib/http/error-page";
import { escapeHtml, htmlAnswer } from "./embed-page";
import { demoSnippet } from "./snippet";
import { appOrigin } from "./who-may-embed";

export async function embedPreviewAnswer(slug: string, request: Request): Promise<Response> {
  const definition = await demoDefinition(slug);
  if (!definition)
    return htmlError(404, { heading: "There is no such demo", explanation: "Pick a demo in the studio to preview its snippet." });
  const firstLocale = definition.locales?.[0] ?? "en";
  const title = textIn(definition.title, firstLocale, firstLocale) || slug;
  // The page's own address, not PUBLIC_ORIGINS: the preview must load from the server the studio is on.
  const snippet = demoSnippet(appOrigin(request), { slug, title });
  return htmlAnswer(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Snippet preview: ${escapeHtml(title)}</title></head>
<body style="margin:0;padding:1rem;font-family:system-ui,sans-serif;background:#fff"><main>${snippet}</main></body></html>`);
}
