// Every environment variable Openhouse reads, read once, typed, with its default.
// Nothing else in the code base touches process.env.
import path from "node:path";

function integer(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function list(name: string): string[] {
  return (process.env[name] ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

export const config = {
  /** Port the server listens on. */
  port: integer("PORT", 3000),
  /** Interface to bind; empty means all interfaces, like `next start`. */
  host: process.env.HOST || undefined,
  /** Where control.sqlite, templates, sandboxes and the generated secret live. */
  dataDir: path.resolve(/* turbopackIgnore: true */ process.env.DATA_DIR || "data"),
  /** Optional server secret (cookie signing, auth). Without it one is generated into the data dir on first start. */
  secret: process.env.OPENHOUSE_SECRET || process.env.BETTER_AUTH_SECRET || undefined,
  /** Extra public origins (e.g. https://demo.example.com) trusted for sign-in besides the request's own host. */
  publicOrigins: list("PUBLIC_ORIGINS"),
  /** Secure cookies for team sign-in: on when a public origin is https (set PUBLIC_ORIGINS in production). */
  secureCookies: list("PUBLIC_ORIGINS").some((origin) => origin.startsWith("https://")),
  /** Header holding the real client IP when behind a trusted proxy (e.g. x-forwarded-for). Empty: use the socket. */
  clientIpHeader: (process.env.CLIENT_IP_HEADER || "").toLowerCase() || undefined,
  /** Where "Talk to a human" sends a visitor: a booking page or mailto link. */
  contactUrl: process.env.CONTACT_URL || "mailto:sales@openhouse.example?subject=Pipeline%20demo",
  /** Label for that link. */
  contactLabel: process.env.CONTACT_LABEL || "Email the sales team",
  /** Directory of demo scripts. */
  demosDir: path.resolve(/* turbopackIgnore: true */ process.env.DEMOS_DIR || "demos"),
  /** Days a sandbox may sit idle before garbage collection removes it (its owner then gets a fresh one). */
  sandboxTtlDays: integer("SANDBOX_TTL_DAYS", 7),
  /** Most live sandboxes kept at once; past it the longest-idle are evicted first. */
  sandboxMaxLive: integer("SANDBOX_MAX_LIVE", 5000),
  /** Most disk (MB) all live sandbox files may use; past it the longest-idle are evicted first. */
  sandboxMaxDiskMb: integer("SANDBOX_MAX_DISK_MB", 2048),
  /** Per-sandbox page cap (PRAGMA max_page_count, 4 KiB pages): a runaway visitor hits "storage full", not the disk. */
  sandboxMaxPages: integer("SANDBOX_MAX_PAGES", 5120),
  /** Most sandbox handles kept open at once (each is a file descriptor and a page cache). */
  sandboxOpenHandles: integer("SANDBOX_OPEN_HANDLES", 200),
  /** Warm spare copies of each template kept ready, so provisioning is a rename; 0 turns them off. */
  sandboxSpares: integer("SANDBOX_SPARES", 8),
  /** New sandboxes one client address may create per minute; resuming one is never limited. */
  provisionRatePerMinute: integer("PROVISION_RATE_PER_MINUTE", 30),
  /** Signal batches one client may send per minute before getting 429 (a page sends a few a minute). */
  signalsBatchesPerMinute: integer("SIGNALS_BATCHES_PER_MINUTE", 600),
  /** Days raw usage events are kept; older ones are folded into daily counts, then deleted. */
  retentionDays: integer("RETENTION_DAYS", 180),
} as const;

export const paths = {
  control: () => path.join(config.dataDir, "control.sqlite"),
  templates: () => path.join(config.dataDir, "templates"),
  sandboxes: () => path.join(config.dataDir, "sandboxes"),
  secretFile: () => path.join(config.dataDir, "secret.key"),
};
