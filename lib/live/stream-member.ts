// Who opens a team stream: the signed-in member behind the request's session cookie, and their role. A session
// read through better-auth allocates tens of kB per call; a workspace reconnecting after a deploy (every tab of
// every rep at once) or one rep's several tabs would pay that per stream and keep the heap it grew. So a
// verified session is remembered for a few seconds by its cookie, and lookups in flight for the same cookie
// are shared. Only the session cookie keys the entry: the same credential, verified moments ago.
import "server-only";
import type { IncomingMessage } from "node:http";
import { roleOfMember } from "@/db/queries/team";
import { auth } from "@/lib/auth/auth";
import { runtime } from "@/lib/runtime/runtime";

export type StreamMember = { userId: string; role: string | undefined };

/**
 * How long a verified session is trusted without asking again. Short: a member signed out or demoted can open
 * a new stream for at most this long, which is no worse than the stream they already had open.
 */
export const streamMemberTtlMs = 5_000;
/** Entries kept at most; a flood of distinct forged cookies never grows it past this (forged ones are not kept). */
const maxEntries = 2_000;

export type StreamMemberEntry = { member: Promise<StreamMember | null>; until: number };

/**
 * What reading a session needs: its cookie, and the host its base URL is taken from (lib/auth/origins.ts).
 * Copying every header into a web Headers was garbage per stream for nothing.
 */
const sessionHeaderNames = ["cookie", "host", "x-forwarded-host", "x-forwarded-proto"] as const;
function sessionHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const name of sessionHeaderNames) {
    const value = request.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return headers;
}

/** better-auth's session cookies (`better-auth.session_token`, `__Secure-` prefixed over https), as one key. */
export function sessionCookieKey(cookieHeader: string | undefined): string | undefined {
  const parts = (cookieHeader ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => /^(__Secure-)?better-auth\.session_(token|data)=/.test(part))
    .sort();
  return parts.length > 0 ? parts.join("; ") : undefined;
}

async function lookUp(request: IncomingMessage): Promise<StreamMember | null> {
  const found = await auth().api.getSession({ headers: sessionHeaders(request) });
  if (!found) return null;
  const role = await roleOfMember(found.user.id);
  return { userId: found.user.id, role };
}

/** The member behind the request's session, or null (no cookie, expired, signed out, forged). */
export function streamMember(request: IncomingMessage, now = Date.now()): Promise<StreamMember | null> {
  const key = sessionCookieKey(request.headers.cookie);
  if (!key) return Promise.resolve(null);
  const entries = runtime().shared("live.stream-members", () => new Map<string, StreamMemberEntry>());
  const cached = entries.get(key);
  if (cached && cached.until > now) return cached.member;
  const member = lookUp(request);
  entries.delete(key);
  entries.set(key, { member, until: now + streamMemberTtlMs });
  // A refusal is not remembered: the next try (just signed in again) asks afresh.
  member.then(
    (found) => {
      if (!found && entries.get(key)?.member === member) entries.delete(key);
    },
    () => entries.delete(key),
  );
  if (entries.size > maxEntries) {
    for (const [oldKey, entry] of entries) {
      if (entries.size <= maxEntries && entry.until > now) break;
      entries.delete(oldKey);
    }
  }
  return member;
}
