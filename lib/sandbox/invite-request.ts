// GET and POST /join/<token>, as one function each that the route calls and the tests drive: the invitation
// (or why it cannot be joined), and joining — the browser gets its own visitor identity if it has none, and
// lands in the copy with a note that it joined a colleague's copy.
import "server-only";
import { sandboxById } from "@/db/queries/sandboxes";
import { identifyVisitor } from "@/lib/visitors/identify";
import { signVisitorId, visitorCookieName, visitorCookieOptions } from "@/lib/visitors/visitor-cookie";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { invitationPage, refusalPage } from "./invite-pages";
import { inspectInvite, joinCopy } from "./shared-copies";
import type { VisitorCookie } from "./try-demo";

function seeOther(location: string): Response {
  // Relative Location: right whatever host name the visitor used to reach us.
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}

/** GET: changes nothing. A person already in the copy goes straight in. */
export async function showInvite(token: string, request: Pick<Request, "headers">): Promise<Response> {
  const visitor = identifyVisitor(request);
  const outcome = await inspectInvite(token, visitor.returning ? visitor.visitorId : undefined);
  if (outcome.kind === "member") return seeOther(`/s/${outcome.sandboxId}`);
  const refused = await refusalPage(outcome);
  if (refused || outcome.kind !== "joined") return refused ?? seeOther("/");
  return invitationPage((await sandboxById(outcome.sandboxId))?.demoSlug ?? "");
}

export type AcceptOutcome = { kind: "open"; location: string; cookie: VisitorCookie } | { kind: "refused"; page: Response };

/** POST: joins, then opens the copy; the route sets the cookie (a browser that came without one gets it now). */
export async function acceptInvite(token: string, request: Pick<Request, "url" | "headers">): Promise<AcceptOutcome> {
  const visitor = identifyVisitor(request);
  // Refused before a visitor row is made for a browser that came with none: a dead link leaves nothing behind.
  const before = await inspectInvite(token, visitor.returning ? visitor.visitorId : undefined);
  const refusedBefore = await refusalPage(before);
  if (refusedBefore) return { kind: "refused", page: refusedBefore };
  await touchVisitor(visitor.visitorId, { client: visitor.client });
  const outcome = await joinCopy(token, visitor.visitorId);
  const refused = await refusalPage(outcome);
  if (refused || (outcome.kind !== "joined" && outcome.kind !== "member")) return { kind: "refused", page: refused ?? seeOther("/") };
  const url = new URL(request.url);
  const secure = (request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "")) === "https";
  return {
    kind: "open",
    location: `/s/${outcome.sandboxId}${outcome.kind === "joined" ? "?joined=1" : ""}`,
    cookie: { name: visitorCookieName, value: signVisitorId(visitor.visitorId), options: visitorCookieOptions(secure) },
  };
}
