// Every environment variable Openhouse reads, read once, typed, with its default. The runtime
// (lib/runtime/runtime.ts) reads them once per process; tests pass a Config of their own instead of setting
// process.env. Nothing else in the code base touches process.env.
import path from "node:path";
import { chromiumPath } from "./chromium-path";

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, least = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < least) {
    throw new Error(`${name} must be ${least === 0 ? "a non-negative integer" : `an integer of at least ${least}`}, got "${raw}"`);
  }
  return value;
}

function list(env: Env, name: string): string[] {
  return (env[name] ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * A comma-separated list of web origins (scheme, host and port, nothing else), each checked: a typo here would
 * otherwise only show as a frame the browser silently refuses on the marketing site.
 */
function origins(env: Env, name: string): string[] {
  return list(env, name).map((item) => {
    const url = URL.canParse(item) ? new URL(item) : undefined;
    // One site each, spelled plainly: a wildcard would mean something else to the browser's frame-ancestors than
    // to the loader's list.
    const plainHost = url && /^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(url.hostname);
    const originOnly = url && plainHost && url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
    if (!url || !originOnly || !["http:", "https:"].includes(url.protocol) || item.endsWith("#") || item.endsWith("?")) {
      throw new Error(`${name} must list origins like https://www.example.com (scheme, host and port only), got "${item}"`);
    }
    return url.origin;
  });
}

/**
 * This node's name in a cluster: the owner recorded on its sandboxes, its `x-openhouse-node` header and its
 * HAProxy cookie value, so only letters, digits, dot, dash and underscore. "solo" by default rather than the
 * hostname: a container's hostname changes on restart, and a node that comes back under another name would
 * find its own sandboxes owned by a "dead" node and replace them.
 */
function nodeName(env: Env): string {
  const raw = env.NODE_NAME?.trim() || "solo";
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(raw)) throw new Error(`NODE_NAME must be 1–64 letters, digits, ".", "-" or "_", got "${raw}"`);
  return raw;
}

function nodeUrl(env: Env, port: number): string {
  const raw = env.NODE_URL?.trim() || `http://127.0.0.1:${port}`;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (url?.protocol !== "http:" || url.pathname !== "/" || url.search || url.hash)
    throw new Error(`NODE_URL must be an http:// origin the other nodes can reach (like http://10.0.0.5:3000), got "${raw}"`);
  return url.origin;
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return undefined;
  if (!/^postgres(ql)?:\/\//.test(raw))
    throw new Error(`DATABASE_URL must be a postgres:// URL (leave it unset for embedded SQLite), got "${raw.split("@").at(-1)}"`);
  return raw;
}

/** The settings, from the environment given (the process's by default). */
export function loadConfig(env: Env = process.env) {
  const port = integer(env, "PORT", 3000);
  return {
    /** Port the server listens on. */
    port,
    /** Interface to bind; empty means all interfaces, like `next start`. */
    host: env.HOST || undefined,
    /**
     * The control plane's database: unset for embedded SQLite under `dataDir` (control.sqlite), or a
     * `postgres://` URL to run it on PostgreSQL 15+ (sandbox files stay SQLite under `dataDir` either way).
     */
    databaseUrl: databaseUrl(env),
    /** Most connections one process opens to PostgreSQL (the pool's size). */
    databasePoolSize: integer(env, "DATABASE_POOL_SIZE", 10),
    /** Where control.sqlite, templates, sandboxes and the generated secret live. */
    dataDir: path.resolve(/* turbopackIgnore: true */ env.DATA_DIR || "data"),
    /** This node's name in a cluster (NODE_NAME, default "solo"); give each node its own, kept across restarts. */
    nodeName: nodeName(env),
    /** Where the other nodes reach this one to hand it a request for its sandboxes (NODE_URL, default http://127.0.0.1:PORT). */
    nodeUrl: nodeUrl(env, port),
    /** A node whose heartbeat is older than this (ms) is dead: its visitors get fresh copies elsewhere. */
    nodeDeadAfterMs: integer(env, "NODE_DEAD_AFTER_MS", 3000, 1000),
    /** Optional server secret (cookie signing, auth). Without it one is generated into the data dir on first start. */
    secret: env.OPENHOUSE_SECRET || env.BETTER_AUTH_SECRET || undefined,
    /** Extra public origins (e.g. https://demo.example.com) trusted for sign-in besides the request's own host. */
    publicOrigins: list(env, "PUBLIC_ORIGINS"),
    /** Secure cookies for team sign-in: on when a public origin is https (set PUBLIC_ORIGINS in production). */
    secureCookies: list(env, "PUBLIC_ORIGINS").some((origin) => origin.startsWith("https://")),
    /**
     * Sites whose pages may embed a demo or the demo center (EMBED_ORIGINS, origins like https://www.example.com):
     * the embed pages' and the product's `frame-ancestors`; every other page may never be framed by anyone.
     */
    embedOrigins: origins(env, "EMBED_ORIGINS"),
    /** Header holding the real client IP when behind a trusted proxy (e.g. x-forwarded-for). Empty: use the socket. */
    clientIpHeader: (env.CLIENT_IP_HEADER || "").toLowerCase() || undefined,
    /** Where "Talk to a human" sends a visitor: a booking page or mailto link. */
    contactUrl: env.CONTACT_URL || "mailto:sales@openhouse.example?subject=Pipeline%20demo",
    /** Label for that link. */
    contactLabel: env.CONTACT_LABEL || "Email the sales team",
    /** What the conversation panel says when nobody is online: when the team usually replies. */
    teamReplyHours: env.TEAM_REPLY_HOURS || "We usually reply within a few hours, Monday to Friday.",
    /** The Chromium that tests and demos:check's browser walk drive (Debian's; Playwright's download is never used). */
    chromiumPath: chromiumPath(env),
    /** Directory of demo scripts. */
    demosDir: path.resolve(/* turbopackIgnore: true */ env.DEMOS_DIR || "demos"),
    /** Days a sandbox may sit idle before garbage collection removes it (its owner then gets a fresh one). */
    sandboxTtlDays: integer(env, "SANDBOX_TTL_DAYS", 7),
    /** Most live sandboxes kept at once; past it the longest-idle are evicted first. */
    sandboxMaxLive: integer(env, "SANDBOX_MAX_LIVE", 5000),
    /** Most disk (MB) all live sandbox files may use; past it the longest-idle are evicted first. */
    sandboxMaxDiskMb: integer(env, "SANDBOX_MAX_DISK_MB", 2048),
    /** Per-sandbox page cap (PRAGMA max_page_count, 4 KiB pages): a runaway visitor hits "storage full", not the disk. */
    sandboxMaxPages: integer(env, "SANDBOX_MAX_PAGES", 5120),
    /** Most sandbox handles kept open at once (each is a file descriptor and a page cache). */
    sandboxOpenHandles: integer(env, "SANDBOX_OPEN_HANDLES", 200),
    /** Warm spare copies of each template kept ready, so provisioning is a rename; 0 turns them off. */
    sandboxSpares: integer(env, "SANDBOX_SPARES", 8),
    /** New sandboxes one client address may create per minute; resuming one is never limited. */
    provisionRatePerMinute: integer(env, "PROVISION_RATE_PER_MINUTE", 30),
    /** Signal batches one client may send per minute before getting 429 (a page sends a few a minute). */
    signalsBatchesPerMinute: integer(env, "SIGNALS_BATCHES_PER_MINUTE", 600),
    /** New "Talk to a human" conversations one client may start per hour. */
    conversationsPerHour: integer(env, "CONVERSATIONS_PER_HOUR", 5),
    /** Messages one client address may send per hour, and one visitor (by their cookie) from any address. */
    messagesPerHour: integer(env, "MESSAGES_PER_HOUR", 60),
    /** Live streams (tabs) one visitor or team member may hold open; a newer one closes their oldest, saying why. */
    liveStreamsPerPerson: integer(env, "LIVE_STREAMS_PER_PERSON", 6),
    /** Prospect live streams one client address may hold open, whoever's cookies they carry; past it new ones get 429. */
    liveStreamsPerAddress: integer(env, "LIVE_STREAMS_PER_ADDRESS", 30),
    /** Sign-in attempts one client may make per window before 429 (better-auth's own rule: 3 per 10 s). */
    signInAttempts: integer(env, "SIGN_IN_ATTEMPTS", 3, 1),
    /** That window, in seconds. The end-to-end suite shortens it rather than wait out 10 s. */
    signInWindowSeconds: integer(env, "SIGN_IN_WINDOW_SECONDS", 10, 1),
    /** Let webhooks reach loopback and private addresses (a local test receiver); off in production. */
    webhooksAllowPrivate: env.WEBHOOKS_ALLOW_PRIVATE === "1",
    /** Days raw usage events are kept; older ones are folded into daily counts, then deleted. */
    retentionDays: integer(env, "RETENTION_DAYS", 180),
  };
}

export type Config = ReturnType<typeof loadConfig>;

/** Where each kind of file lives under the data directory. */
export function dataPaths(dataDir: string) {
  return {
    control: path.join(dataDir, "control.sqlite"),
    templates: path.join(dataDir, "templates"),
    sandboxes: path.join(dataDir, "sandboxes"),
    spares: path.join(dataDir, "spares"),
    secretFile: path.join(dataDir, "secret.key"),
  };
}

export type DataPaths = ReturnType<typeof dataPaths>;
