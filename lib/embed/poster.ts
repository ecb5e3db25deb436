// GET /embed/demo/<slug>: the poster an embedded demo shows until the visitor asks for it — title, summary, the
// tour's welcome, a drawing of the product and "Start the demo". It provisions nothing, records no visitor and
// loads no tour: most people who scroll past an embed never click it. A visitor who already started this demo
// in this frame (a reload of the host page) goes straight back to their copy.
import "server-only";
import { demoDefinition } from "@/db/queries/demos";
import { latestSandboxOf } from "@/db/queries/sandboxes";
import { type LocalizedText, textIn } from "@/lib/demos/locale";
import { personaLabels } from "@/lib/demos/personas";
import { readCookie } from "@/lib/http/cookies";
import { htmlError } from "@/lib/http/error-page";
import { identifyVisitor } from "@/lib/visitors/identify";
import { arrivalQuery, type EmbedArrival, parseEmbedArrival } from "./embed-arrival";
import { embedPageHtml, escapeHtml, htmlAnswer } from "./embed-page";
import { appOrigin, mayEmbed } from "./who-may-embed";

/** The frame's cookie naming the product page it was last on (components/embed/frame-cookies.ts writes it). */
const framePathCookieName = "oh_embed_path";

function text(value: LocalizedText | undefined, locale: string): string {
  if (value === undefined) return "";
  return textIn(value, locale, locale);
}

/** The embed's first page, or where the visitor's frame already is. */
export async function posterAnswer(slug: string, request: Request, nonce: string | undefined): Promise<Response> {
  const definition = await demoDefinition(slug);
  if (!definition) {
    return htmlError(404, {
      heading: "There is no such demo",
      explanation: "This embed names a demo that does not exist (any more). Check the snippet's data-openhouse-demo.",
    });
  }
  const parsed = parseEmbedArrival(new URL(request.url).searchParams);
  if (!parsed.ok) return htmlError(400, { heading: "This embed's address is not right", explanation: parsed.error });
  const { arrival } = parsed;

  const locale = definition.locales?.[0] ?? "en";
  const allowed = arrival.origin === undefined || mayEmbed(arrival.origin, request);
  const visitor = identifyVisitor(request);
  if (visitor.returning && allowed) {
    const latest = await latestSandboxOf(visitor.visitorId, slug);
    if (latest?.status === "live") return resumeAt(`/s/${latest.id}`, readCookie(request, framePathCookieName));
  }
  const title = text(definition.title, locale);
  const welcome = definition.steps[0] ? text(definition.steps[0].title, locale) : "";
  const persona = arrival.persona ? personaLabels[arrival.persona] : undefined;
  const oembed = `${appOrigin(request)}/oembed?url=${encodeURIComponent(`${appOrigin(request)}/embed/demo/${slug}`)}&format=json`;
  const body = `<div class="poster"><div>
<h1>${escapeHtml(title)}</h1>
<p class="meta"><span class="pill">For: ${escapeHtml(text(definition.persona, locale))}</span><span>About ${definition.durationMinutes} min</span>${persona ? `<span>as ${escapeHtml(persona)}</span>` : ""}</p>
<p>${escapeHtml(text(definition.summary, locale))}</p>
${welcome ? `<p class="welcome">First up: ${escapeHtml(welcome)}</p>` : ""}
${allowed ? startActions(slug, arrival) : newTabOnly(slug, arrival)}
<p class="muted">Your own live copy of the product with sample data, no signup, no form.</p>
</div><div class="preview" aria-hidden="true">${"<span></span>".repeat(9)}</div></div>`;
  return htmlAnswer(
    embedPageHtml({
      title: `${title} — interactive demo`,
      body,
      nonce,
      hostOrigin: allowed ? arrival.origin : undefined,
      head: `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(oembed)}" title="${escapeHtml(title)}">`,
    }),
  );
}

/** Back to the visitor's copy: the page of it the frame was last on (its own cookie says), else its first page. */
function resumeAt(copy: string, lastPath: string | undefined): Response {
  const returnTo =
    lastPath && /^[A-Za-z0-9_/-]*$/.test(lastPath) && (lastPath === copy || lastPath.startsWith(`${copy}/`)) ? lastPath : copy;
  return new Response(null, { status: 303, headers: { location: returnTo, "cache-control": "no-store" } });
}

/** "Open in a new tab": /try, which works as from the gallery, with the embed's persona and campaign. */
export function newTabLink(slug: string, arrival: EmbedArrival, label = "Open in a new tab"): string {
  const { origin: _origin, page: _page, ...carried } = arrival;
  const href = `/try/${encodeURIComponent(slug)}${arrivalQuery({ ...carried })}`;
  return `<a class="button secondary" href="${escapeHtml(href)}" target="_blank" rel="noopener">${escapeHtml(label)}<span class="visually-hidden"> (opens a new tab)</span></a>`;
}

function startActions(slug: string, arrival: EmbedArrival): string {
  const action = `/embed/demo/${encodeURIComponent(slug)}/start${arrivalQuery(arrival)}`;
  return `<div class="actions"><form method="post" action="${escapeHtml(action)}"><button class="button" type="submit">Start the demo</button></form>${newTabLink(slug, arrival)}</div>`;
}

function newTabOnly(slug: string, arrival: EmbedArrival): string {
  return `<p class="note" role="status">This site may not show the demo inside its page, so it opens in a new tab.</p><div class="actions">${newTabLink(slug, arrival, "Open the demo in a new tab")}</div>`;
}
