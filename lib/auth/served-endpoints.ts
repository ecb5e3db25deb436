// Which of better-auth's endpoints answer over HTTP: signing in and out, and reading one's session. Nothing
// else — an allowlist, so an endpoint a better-auth upgrade adds stays shut until someone opens it here
// (better-auth's own `disabledPaths` lists what to refuse, and would leave such an endpoint open).
// Refused, and why (each is self-service this team must not have, or a feature it does not use):
// - /update-user: a rep renamed themselves "Ada Admin" in the shoulder-view log and in what prospects read.
//   Names change on the admin's team page or with `npm run team -- rename` (lib/auth/team.ts).
// - /change-email: the email is the identity an admin gave; it changes by removing and adding the member.
// - /change-password, /request-password-reset, /reset-password(/<token>), /verify-password: passwords
//   are set with `npm run team -- passwd`, which also ends every session; no mail is ever sent.
// - /delete-user and its callback: removing a member goes through lib/auth/team.ts, which keeps an admin.
// - /list-sessions, /revoke-session(s), /revoke-other-sessions, /update-session: no page uses them, and
//   list-sessions showed each session's details; the team's sign-out ends the session it is used from.
// - /sign-up/email: nobody signs themselves up. /ok and /error: nothing links to them.
// - /send-verification-email, /verify-email: no mail, and members are verified when added.
// - /sign-in/social, /link-social, /unlink-account, /list-accounts, /account-info, /get-access-token,
//   /refresh-token, /callback/<provider>: email and password is the only way in.
// Server code still calls every endpoint through auth().api (the guard reads sessions that way).
import "server-only";
import type { BetterAuthPlugin } from "better-auth";

/** Where better-auth's handler is mounted (app/api/auth/[...all]); it is better-auth's default. */
export const authBasePath = "/api/auth";

/** The endpoints the sign-in form, sign-out button and guard use, under authBasePath. */
export const servedAuthPaths: readonly string[] = ["/sign-in/email", "/sign-out", "/get-session"];

/** Refuses, before any endpoint runs, every path not in servedAuthPaths, as better-auth answers an unknown one. */
export function onlyServedEndpoints(): BetterAuthPlugin {
  return {
    id: "openhouse-served-endpoints",
    async onRequest(request) {
      const { pathname } = new URL(request.url);
      const path = pathname.startsWith(`${authBasePath}/`) ? pathname.slice(authBasePath.length) : pathname;
      if (servedAuthPaths.includes(path)) return;
      return {
        response: Response.json({ error: "There is no API at this address" }, { status: 404, headers: { "cache-control": "no-store" } }),
      };
    },
  };
}
