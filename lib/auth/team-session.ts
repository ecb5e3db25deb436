// The one guard every /sales and /studio page, server action and API goes through: is this a signed-in
// team member, and may their role use this area (lib/auth/roles.ts)? The proxy only looks for a cookie;
// this verifies the session against the database and reads the member's role from it.
import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { auth, type TeamUser } from "@/lib/auth/auth";
import { defaultAfterSignIn, requestedPathHeader, signInRequiredMessage, signInUrlFor } from "@/lib/auth/next-path";
import { isRole, mayUse, type Permission, permissionLabels, type Role, whoMayUse } from "@/lib/auth/roles";
import { ApiError } from "@/lib/http/api-error";
import { timed } from "@/lib/http/server-timing";
import { runtime } from "@/lib/runtime/runtime";

export type TeamSession = { user: TeamUser & { role: Role } };

/**
 * One lookup per page render: a page and its layout render in parallel and both run the guard, and Next hands
 * both the same request headers object (headers()). Keyed weakly by that object, so an entry lives as long as
 * its request. Route handlers look up afresh (sessionFrom): they run the guard once.
 */
function renderSession(requestHeaders: Headers): Promise<TeamSession | null> {
  const lookups = runtime().shared("auth.session-lookups", () => new WeakMap<Headers, Promise<TeamSession | null>>());
  let lookup = lookups.get(requestHeaders);
  if (!lookup) {
    lookup = sessionFrom(requestHeaders);
    lookups.set(requestHeaders, lookup);
  }
  return lookup;
}

async function sessionFrom(requestHeaders: Headers): Promise<TeamSession | null> {
  const found = await timed("session", () => auth().api.getSession({ headers: requestHeaders }));
  if (!found) return null;
  // A role outside the list (a hand-edited row) grants nothing rather than everything.
  const role = isRole(found.user.role) ? found.user.role : undefined;
  if (!role) return null;
  return { user: { ...found.user, role } };
}

/** The signed-in team member, or null; for pages that show something either way (the sign-in page). */
export async function currentTeamMember(): Promise<TeamSession | null> {
  return renderSession(await headers());
}

/** The message a refused member reads, in the API's `{error}` and on the refusal page alike. */
export function roleRefusalMessage(role: Role, permission: Permission): string {
  return `Your role (${role}) cannot use ${permissionLabels[permission]}: it is for ${whoMayUse(permission)}. Ask an admin to change your role.`;
}

/**
 * For server components and server actions. No valid session → the sign-in page (remembering `next`, or
 * the path the proxy recorded); a role that may not use `permission` → Next's forbidden() (403), which
 * renders app/forbidden.tsx saying why.
 */
export async function requireRole(permission: Permission, options: { next?: string } = {}): Promise<TeamSession> {
  const requestHeaders = await headers();
  const member = await renderSession(requestHeaders);
  if (!member) redirect(signInUrlFor(options.next ?? requestHeaders.get(requestedPathHeader) ?? defaultAfterSignIn));
  if (!mayUse(member.user.role, permission)) forbidden();
  return member;
}

/** For route handlers (through lib/http/team-route.ts): the member, or an ApiError to answer 401 / 403. */
export async function memberForRequest(request: Request, permission: Permission): Promise<TeamSession> {
  const member = await sessionFrom(request.headers);
  if (!member) throw new ApiError(401, signInRequiredMessage);
  if (!mayUse(member.user.role, permission)) throw new ApiError(403, roleRefusalMessage(member.user.role, permission));
  return member;
}

/** The sales workspace's guard (admins and reps), under the name its first pages use. */
export function requireTeamMember(options: { next?: string } = {}): Promise<TeamSession> {
  return requireRole("sales", options);
}
