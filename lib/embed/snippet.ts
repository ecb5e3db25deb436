// The snippet a marketer copies from the studio to embed a demo (or the demo center) in a page: the loader and
// an element whose link is what a visitor without JavaScript gets. One place, for the studio and its preview.
import "server-only";
import { escapeHtml } from "@/lib/http/error-page";
import { runtime } from "@/lib/runtime/runtime";

/** The address visitors reach this app at: the first PUBLIC_ORIGINS entry, else the one this request used. */
export function publicAppOrigin(headers: Pick<Headers, "get">): string {
  const configured = runtime().config.publicOrigins[0];
  if (configured && URL.canParse(configured)) return new URL(configured).origin;
  const protocol = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${protocol}://${headers.get("host") ?? "localhost"}`;
}

export function demoSnippet(origin: string, demo: { slug: string; title: string }): string {
  const href = `${origin}/try/${encodeURIComponent(demo.slug)}`;
  return `<div data-openhouse-demo="${escapeHtml(demo.slug)}">
  <a href="${escapeHtml(href)}">Try the demo: ${escapeHtml(demo.title)}</a>
</div>
<script async src="${escapeHtml(origin)}/embed.js"></script>`;
}

export function centerSnippet(origin: string): string {
  return `<div data-openhouse-center>
  <a href="${escapeHtml(origin)}/">See our demos</a>
</div>
<script async src="${escapeHtml(origin)}/embed.js"></script>`;
}

/** What the studio's Embed section shows: the snippet for this server's public address and who may embed it. */
export function embedSettings(headers: Pick<Headers, "get">, demo: { slug: string; title: string }) {
  return { snippet: demoSnippet(publicAppOrigin(headers), demo), embedOrigins: runtime().config.embedOrigins };
}
