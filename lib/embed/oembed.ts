// GET /oembed?url=…&maxwidth=…&maxheight=…&format=json — oEmbed (https://oembed.com), so a CMS embeds a demo
// from its address alone: a demo's poster (/embed/demo/<slug>, whose page names this endpoint), its /try link,
// or the demo center (/embed/center, or the gallery /). The answer is a "rich" embed whose HTML is a frame of
// the poster; the browser still enforces EMBED_ORIGINS on it. Anything else is 404, a bad value 400.
import "server-only";
import { demoDefinition } from "@/db/queries/demos";
import { textIn } from "@/lib/demos/locale";
import { slugPattern } from "@/lib/demos/slug";
import { jsonError } from "@/lib/http/responses";
import { escapeHtml } from "./embed-page";
import { appOrigin, appOrigins } from "./who-may-embed";

const defaultWidth = 800;
const defaultHeight = 480;
const largest = 10_000;
const demoPath = new RegExp(`^/(?:try|embed/demo)/(${slugPattern.source.slice(1, -1)})/?$`);

function dimension(params: URLSearchParams, name: string): number | undefined | { error: string } {
  const raw = params.get(name);
  if (raw === null || raw === "") return undefined;
  const value = Number(raw);
  if (!/^\d{1,5}$/.test(raw) || !Number.isInteger(value) || value < 1 || value > largest) {
    return { error: `${name} must be a whole number of pixels from 1 to ${largest}` };
  }
  return value;
}

/** What the url names: a demo (by slug) or the demo center; undefined for anything else. */
function embedTarget(url: URL): { kind: "demo"; slug: string } | { kind: "center" } | undefined {
  if (url.pathname === "/" || url.pathname === "/embed/center") return { kind: "center" };
  const match = demoPath.exec(url.pathname);
  return match?.[1] ? { kind: "demo", slug: match[1] } : undefined;
}

export async function oembedAnswer(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const format = params.get("format");
  if (format !== null && format !== "json") return jsonError(400, "format must be json (the only format served)");
  const maxwidth = dimension(params, "maxwidth");
  const maxheight = dimension(params, "maxheight");
  for (const value of [maxwidth, maxheight]) if (typeof value === "object") return jsonError(400, value.error);
  const raw = params.get("url");
  if (!raw) return jsonError(400, "url is required: the address of a demo, like https://demo.example.com/embed/demo/<demo>");
  if (raw.length > 2000 || !URL.canParse(raw))
    return jsonError(400, "url must be a full address, like https://demo.example.com/embed/demo/<demo>");
  const url = new URL(raw);
  const origin = appOrigin(request);
  const target = appOrigins(request).includes(url.origin) ? embedTarget(url) : undefined;
  const definition = target?.kind === "demo" ? await demoDefinition(target.slug) : undefined;
  if (!target || (target.kind === "demo" && !definition)) return jsonError(404, "No demo is served at that address");

  const width = Math.min(defaultWidth, (maxwidth as number | undefined) ?? defaultWidth);
  const height = Math.min(defaultHeight, (maxheight as number | undefined) ?? defaultHeight);
  // The demo's first locale, as the poster reads it (a stored object's key order is not the YAML's on PostgreSQL).
  const firstLocale = definition?.locales?.[0] ?? "en";
  const title = definition ? textIn(definition.title, firstLocale, firstLocale) : "Demo center";
  const src = target.kind === "demo" ? `${origin}/embed/demo/${target.slug}` : `${origin}/embed/center`;
  const html = `<iframe src="${escapeHtml(src)}" width="${width}" height="${height}" title="${escapeHtml(title)}" style="border:0;max-width:100%" allow="clipboard-write" loading="lazy"></iframe>`;
  return Response.json(
    { version: "1.0", type: "rich", provider_name: "Openhouse", provider_url: `${origin}/`, title, html, width, height, cache_age: 3600 },
    { headers: { "cache-control": "public, max-age=3600" } },
  );
}
