// What a request that changes something must show before any route sees it: that it was sent by one of this
// app's own pages, and, to a JSON API, that it is JSON. The front door (lib/runtime/front-door.ts) asks this of
// every POST, PUT, PATCH and DELETE — team and visitor APIs, sign-in, Server Actions and the signals beacon
// alike — because the cookies alone cannot tell: the team cookie is SameSite=Lax, and a page on another port
// or subdomain of the same site is "same-site", so its browser sends our cookies with whatever it posts.
import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import { ownOrigins } from "@/lib/auth/origins";
import { errorPageHtml } from "@/lib/http/error-page";
import type { Refusal } from "@/lib/next-workarounds/undecodable-path";

/** Methods that only read; everything else must come from our own pages. */
const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** The one API that takes text/plain: navigator.sendBeacon cannot set a JSON content type. */
const beaconPath = "/api/signals";

const crossSitePage = {
  heading: "This form was sent from another site",
  explanation: "Changes can only be made from this site's own pages. Open the page here and try again.",
};

type WriteRequest = { method?: string; url?: string; headers: IncomingHttpHeaders };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Sent by one of our own pages, as far as a browser tells: its Origin is ours, or (a browser that sends no
 * Origin) Sec-Fetch-Site says "same-origin". A client that sends neither is not a browser — every current
 * browser sends Origin with a POST, PUT, PATCH or DELETE — and carries nobody's cookies but its own, so it
 * is let through; its own credentials still decide what it may do.
 */
export function fromOwnPage(headers: IncomingHttpHeaders): boolean {
  const origin = header(headers, "origin");
  if (origin !== undefined) {
    // Behind a TLS-terminating proxy the scheme comes from x-forwarded-proto, as Next reads it; a browser can
    // set neither that nor Host, so a page elsewhere cannot make its request look like ours.
    const forwarded = header(headers, "x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
    const protocol = forwarded === "https" ? "https:" : "http:";
    return ownOrigins(header(headers, "host"), protocol).includes(origin.toLowerCase());
  }
  const site = header(headers, "sec-fetch-site");
  return site === undefined || site === "same-origin";
}

function hasBody(headers: IncomingHttpHeaders): boolean {
  const length = Number(header(headers, "content-length") ?? "0");
  return header(headers, "transfer-encoding") !== undefined || !Number.isFinite(length) || length > 0;
}

function isJson(headers: IncomingHttpHeaders): boolean {
  return (header(headers, "content-type") ?? "").split(";")[0]?.trim().toLowerCase() === "application/json";
}

function jsonRefusal(status: number, error: string): Refusal {
  return { status, headers: { "content-type": "application/json", "cache-control": "no-store" }, body: JSON.stringify({ error }) };
}

/** A 403 or 415 for a write that is not from our own pages or not JSON to a JSON API; undefined to go on. */
export function writeRequestRefusal(request: WriteRequest): Refusal | undefined {
  if (safeMethods.has((request.method ?? "GET").toUpperCase())) return undefined;
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  const api = path === "/api" || path.startsWith("/api/");
  if (!fromOwnPage(request.headers)) {
    // The product's own pages call Server Actions with fetch and read JSON errors; a person posted a form.
    if (api || request.headers["next-action"] !== undefined) {
      return jsonRefusal(403, "Changes are only accepted from this site's own pages");
    }
    return {
      status: 403,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
      body: errorPageHtml(crossSitePage),
    };
  }
  // A body a browser may send cross-origin without asking first (text/plain, a form) is never a JSON API's.
  if (api && path !== beaconPath && hasBody(request.headers) && !isJson(request.headers)) {
    return jsonRefusal(415, "Send JSON (Content-Type: application/json)");
  }
  return undefined;
}
