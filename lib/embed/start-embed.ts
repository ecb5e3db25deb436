// "Start the demo" in an embed, in two steps, so a browser that keeps no cookie for the frame is told so
// before any sandbox is made for it. POST /embed/demo/<slug>/start sets a short-lived probe cookie with the
// attributes the visitor cookie will have (SameSite=None; Secure; Partitioned) and sends the frame on to
// GET …/open. There, a probe that came back means the visitor cookie will stick: the sandbox is made or
// resumed as /try does it (lib/sandbox/try-demo.ts), with the embedding page as the source. No probe means it
// would not: the frame says so and offers a new tab, instead of a sandbox the next page could not find.
import "server-only";
import { NextResponse } from "next/server";
import { readCookie } from "@/lib/http/cookies";
import { htmlError } from "@/lib/http/error-page";
import { rateLimitedPage } from "@/lib/sandbox/rate-limited-page";
import { tryDemo } from "@/lib/sandbox/try-demo";
import { embeddedVisitorCookieOptions } from "@/lib/visitors/visitor-cookie";
import { arrivalQuery, type EmbedArrival, embedSource, parseEmbedArrival } from "./embed-arrival";
import { embedPageHtml, htmlAnswer } from "./embed-page";
import { frameOriginCookie } from "./frame-origin";
import { newTabLink } from "./poster";
import { mayEmbed } from "./who-may-embed";

/**
 * The frame's own cookie (lib/embed/frame-origin.ts), with the visitor cookie's attributes: set by the start as
 * a probe (for a few minutes), then kept as long as the visitor cookie once the open found it. Its value is the
 * embedding page's origin, which the product's pages read to tell that page what happens.
 */
const probeOptions = { ...embeddedVisitorCookieOptions(), maxAge: 300 };

function redirectTo(location: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}

function readArrival(request: Request): { arrival: EmbedArrival; refusal?: undefined } | { refusal: Response } {
  const parsed = parseEmbedArrival(new URL(request.url).searchParams);
  if (!parsed.ok) return { refusal: htmlError(400, { heading: "This embed's address is not right", explanation: parsed.error }) };
  if (parsed.arrival.origin && !mayEmbed(parsed.arrival.origin, request)) {
    return { refusal: htmlError(403, { heading: "This site may not embed the demo", explanation: "Open the demo in a new tab instead." }) };
  }
  return { arrival: parsed.arrival };
}

export function startEmbeddedDemo(slug: string, request: Request): Response {
  const read = readArrival(request);
  if (read.refusal) return read.refusal;
  const { arrival } = read;
  const next = `/embed/demo/${encodeURIComponent(slug)}/open${arrivalQuery(arrival)}`;
  const response = redirectTo(next);
  response.cookies.set(frameOriginCookie, arrival.origin ?? "none", probeOptions);
  return response;
}

/** Where a GET of the start address goes: the poster, with the same query. */
export function backToPoster(slug: string, request: Request): Response {
  return redirectTo(`/embed/demo/${encodeURIComponent(slug)}${new URL(request.url).search}`);
}

export async function openEmbeddedDemo(slug: string, request: Request, nonce: string | undefined): Promise<Response> {
  const read = readArrival(request);
  if (read.refusal) return read.refusal;
  const { arrival } = read;
  if (!readCookie(request, frameOriginCookie)) return noCookiesPage(slug, arrival, nonce);
  const outcome = await tryDemo(slug, request, { embedded: { source: embedSource(arrival) } });
  if (outcome.kind === "rate-limited") return rateLimitedPage(outcome.retryAfterSeconds);
  if (outcome.kind === "no-such-demo") {
    return htmlError(404, { heading: "There is no such demo", explanation: "This embed names a demo that does not exist (any more)." });
  }
  const response = redirectTo(outcome.location);
  response.cookies.set(frameOriginCookie, arrival.origin ?? "none", embeddedVisitorCookieOptions());
  response.cookies.set(outcome.cookie.name, outcome.cookie.value, outcome.cookie.options);
  return response;
}

function noCookiesPage(slug: string, arrival: EmbedArrival, nonce: string | undefined): Response {
  const body = `<h1>This demo needs a new tab in your browser</h1>
<p class="note" role="status">Your browser keeps no cookies for demos shown inside another site's page, so your own copy of the product could not stay with you here.</p>
<p>In a new tab it works as usual: your own live copy, no signup, no form.</p>
<div class="actions">${newTabLink(slug, arrival, "Open the demo in a new tab")}</div>`;
  return htmlAnswer(embedPageHtml({ title: "Open the demo in a new tab", body, nonce, hostOrigin: arrival.origin }));
}
