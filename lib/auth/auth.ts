// The better-auth instance for the sales team: email + password, no self sign-up, opened on first use
// because `next build` imports route modules before any data directory exists.
import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { adapterDatabase, store } from "@/db/control-plane";
import { passwordLength } from "@/lib/auth/credentials";
import { trustedOriginsFor } from "@/lib/auth/origins";
import { onlyServedEndpoints } from "@/lib/auth/served-endpoints";
import { clientPseudonymHeaderName } from "@/lib/http/client-ip";
import { runtime } from "@/lib/runtime/runtime";
import { serverSecret } from "@/lib/server-secret";

// The base URL is left unset on purpose (see trustedOrigins below), so better-auth's start-up warning
// about it is noise in every server start and CLI run.
const deliberateWarnings = [/Base URL is not set/];

/** How long a team session lives without being used (renewed while in use; see `session` below). */
export const sessionLifetimeSeconds = 12 * 60 * 60;

export type AuthSettings = {
  /** Force the sign-in rate limit on or off; left out, better-auth enforces it in production only. */
  enforceRateLimit?: boolean;
};

export function createAuth(settings: AuthSettings = {}) {
  const { db, provider, joins } = adapterDatabase();
  const { user, session, account, verification, rateLimit } = store().t;
  return betterAuth({
    appName: "Openhouse",
    secret: serverSecret(),
    database: drizzleAdapter(db, { provider, schema: { user, session, account, verification, rateLimit } }),
    emailAndPassword: {
      enabled: true,
      // Team members are added from the CLI (lib/auth/team.ts); nobody signs themselves up.
      disableSignUp: true,
      minPasswordLength: passwordLength.min,
      maxPasswordLength: passwordLength.max,
    },
    // A forgotten signed-in laptop should not stay a way into the workspace for a week (better-auth's
    // default): a session lasts 12 h and is renewed, at most once an hour, while it is being used, so it
    // ends after roughly half a working day without use.
    session: { expiresIn: sessionLifetimeSeconds, updateAge: 60 * 60 },
    databaseHooks: {
      // better-auth records each session's IP address and full user agent (and list-sessions showed them).
      // Openhouse stores neither, for the team as for visitors (README, Privacy): the session is the cookie.
      session: {
        create: { before: async (session) => ({ data: { ...session, ipAddress: null, userAgent: null } }) },
        update: { before: async (session) => ({ data: { ...session, ipAddress: null, userAgent: null } }) },
      },
    },
    user: {
      // The column lives in db/control/schema.ts; declaring it here puts it on every session's user.
      // Never settable through better-auth's own endpoints: roles change through lib/auth/team.ts only.
      additionalFields: { role: { type: "string", required: false, defaultValue: "rep", input: false } },
    },
    // No base URL: the public address is whatever Host the browser used (see lib/auth/origins.ts).
    trustedOrigins: (request) => trustedOriginsFor(request),
    // In the database, not in this process's memory: every app node on one database counts the same attempts.
    rateLimit: {
      enabled: settings.enforceRateLimit,
      storage: "database",
      // SIGN_IN_ATTEMPTS per SIGN_IN_WINDOW_SECONDS (3 per 10 s unless set, as better-auth's own rule).
      customRules: { "/sign-in/*": { max: runtime().config.signInAttempts, window: runtime().config.signInWindowSeconds } },
    },
    advanced: {
      // A session and its user in one query where the store offers the relations (PostgreSQL: a round trip saved
      // on every rep page; SQLite answers in-process either way).
      database: { joins },
      ipAddress: {
        // Any client can send x-forwarded-for and Next passes it through unchanged, so only the header our own
        // server stamps is trusted: a pseudonym of the client's address, the same on every app node, so the
        // sign-in limit's rows hold no raw IP and count a client's attempts on all nodes (lib/http/client-ip.ts).
        ipAddressHeaders: [clientPseudonymHeaderName],
      },
      // Secure (and __Secure- prefixed) cookies only when the public origin is https: over plain http a
      // browser would drop them everywhere but localhost.
      useSecureCookies: runtime().config.secureCookies,
      // better-auth skips origin checks under NODE_ENV=test; we want tests to exercise the real thing.
      disableOriginCheck: false,
    },
    telemetry: { enabled: false },
    logger: {
      log(level, message, ...args) {
        if (deliberateWarnings.some((pattern) => pattern.test(message))) return;
        console[level](`[better-auth] ${message}`, ...args);
      },
    },
    // nextCookies must stay last: it copies Set-Cookie from the other plugins' responses into Next's cookie store.
    plugins: [onlyServedEndpoints(), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type TeamUser = Auth["$Infer"]["Session"]["user"];

/**
 * The process-wide auth instance, created on first use. One per process, not per bundle layer: its sign-in
 * rate limit is kept in memory, and a second instance would be a second allowance.
 */
export function auth(): Auth {
  return runtime().shared("auth", () => createAuth());
}
