// The one check every /sales and /studio entry point makes: is this a signed-in team member?
// The proxy only looks for a cookie; this verifies the session against the database.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth, type TeamUser } from "@/lib/auth/auth";
import { defaultAfterSignIn, requestedPathHeader, signInRequiredMessage, signInUrlFor } from "@/lib/auth/next-path";
import { jsonError } from "@/lib/http/responses";

export type TeamSession = { user: TeamUser };

/** The signed-in team member, or null; for pages that show something either way (the sign-in page). */
export async function currentTeamMember(): Promise<TeamSession | null> {
  const found = await auth().api.getSession({ headers: await headers() });
  return found ? { user: found.user } : null;
}

/**
 * For server components and server actions. Redirects to the sign-in page (remembering `next`, or the
 * path the proxy recorded) when there is no valid session.
 */
export async function requireTeamMember(options: { next?: string } = {}): Promise<TeamSession> {
  const requestHeaders = await headers();
  const found = await auth().api.getSession({ headers: requestHeaders });
  if (!found) redirect(signInUrlFor(options.next ?? requestHeaders.get(requestedPathHeader) ?? defaultAfterSignIn));
  return { user: found.user };
}

/** For route handlers: the team member, or a 401 JSON response to return as is. */
export async function teamMemberOrUnauthorized(request: Request): Promise<TeamSession | Response> {
  const found = await auth().api.getSession({ headers: request.headers });
  if (!found) return jsonError(401, signInRequiredMessage);
  return { user: found.user };
}
