// Whether a page may embed Openhouse: its origin is one of EMBED_ORIGINS, or this app itself (the studio's
// preview of a snippet). The browser enforces the same list as `frame-ancestors` (lib/http/security-headers.ts);
// this answer lets the loader and the embed pages offer a new tab instead of a frame the browser would refuse.
import "server-only";
import { ownOrigins } from "@/lib/auth/origins";
import { runtime } from "@/lib/runtime/runtime";

export function mayEmbed(origin: string, request: { url: string; headers: Pick<Headers, "get"> }): boolean {
  return runtime().config.embedOrigins.includes(origin) || appOrigins(request).includes(origin);
}

/** This app's own origins, as the request reached it (the Host header) and as PUBLIC_ORIGINS names them. */
export function appOrigins(request: { url: string; headers: Pick<Headers, "get"> }): string[] {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const protocol = forwarded === "https" ? "https:" : new URL(request.url).protocol;
  const own = ownOrigins(request.headers.get("host") ?? undefined, protocol);
  // A request without a Host header (a test's, a script's) was still addressed somewhere: its URL says where.
  return request.headers.get("host") ? own : [new URL(request.url).origin, ...own];
}

/** The address this app is reached at, for absolute links a host page or a CMS will use. */
export function appOrigin(request: { url: string; headers: Pick<Headers, "get"> }): string {
  return appOrigins(request)[0] ?? new URL(request.url).origin;
}
