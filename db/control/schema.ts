// The control plane: demos, visitors, their sandboxes, usage events and the team's auth tables.
// Plain drizzle types only, so the same tables can move to PostgreSQL.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { CheckedPath, CheckFailure } from "@/lib/demos/check-run-schema";
import type { DemoDefinition } from "@/lib/demos/demo-schema";

/** A suggestion card as stored: what it points at, what the prospect reads, and where "Show me" goes. */
export type StoredSuggestion = { kind: "page" | "step"; target: string; label: string; path: string };

/** "Now" in epoch milliseconds, as a column default (db/dialects/postgres/schema.ts maps it to PostgreSQL's). */
export const nowMsDefault = sql`(unixepoch('subsec') * 1000)`;
const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(nowMsDefault);

/** A demo registered from demos/<slug>/ at start-up; `definition` is the validated demo.yaml as JSON. */
export const demos = sqliteTable("demos", {
  slug: text("slug").primaryKey(),
  title: text("title").notNull(),
  persona: text("persona").notNull(),
  durationMinutes: integer("duration_minutes").notNull(),
  summary: text("summary").notNull(),
  definition: text("definition", { mode: "json" }).$type<DemoDefinition>().notNull(),
  sourceHash: text("source_hash").notNull(),
  position: integer("position").notNull().default(0),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * One demo's result from one `npm run demos:check` browser walk (lib/demos/check-runs.ts); the studio shows
 * the latest per demo. `baseUrl` is the Openhouse that was walked (a local build, or production via --base).
 */
export const demoCheckRuns = sqliteTable(
  "demo_check_runs",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull(),
    checkedAt: integer("checked_at", { mode: "timestamp_ms" }).notNull(),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    baseUrl: text("base_url").notNull(),
    durationMs: integer("duration_ms").notNull(),
    paths: text("paths", { mode: "json" }).$type<CheckedPath[]>().notNull(),
    failures: text("failures", { mode: "json" }).$type<CheckFailure[]>().notNull(),
  },
  (table) => [index("demo_check_runs_slug").on(table.slug, table.checkedAt)],
);

/** An anonymous visitor, known only by the id in their first-party cookie. */
export const visitors = sqliteTable(
  "visitors",
  {
    id: text("id").primaryKey(),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    /** Where they came from on arrival (referrer host, utm_*): never typed by anyone, never personal. */
    source: text("source", { mode: "json" }).$type<Record<string, string>>(),
    /** Coarse client class only — never the full user agent: e.g. "Chrome", "macOS", "desktop". */
    browser: text("browser"),
    os: text("os"),
    device: text("device"),
    /** A known bot or a headless client: kept, but out of rep views by default. */
    bot: integer("bot", { mode: "boolean" }).notNull().default(false),
    /**
     * The browser sent Global Privacy Control or Do-Not-Track when the visitor arrived: their events are
     * counted but never linked to them (decided at arrival; later requests such as beacons may lack the header).
     */
    doNotTrack: integer("do_not_track", { mode: "boolean" }).notNull().default(false),
    /** The account a share link tied this visitor to (the first link they opened); never set from a form. */
    accountId: text("account_id").references(() => accounts.id, { onDelete: "set null" }),
    /** The share link that attributed them, kept for the link's visit count. */
    shareLinkToken: text("share_link_token"),
  },
  // Reps' list walks visitors newest first and stops at a page: this index makes that a walk, not a sort.
  (table) => [index("visitors_last_seen").on(table.lastSeenAt), index("visitors_account_seen").on(table.accountId, table.lastSeenAt)],
);

/** A company a rep is selling to, known only from the share links the rep made for it. */
export const accounts = sqliteTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    domain: text("domain"),
    /** The rep who made its first link owns it by default. */
    ownerUserId: text("owner_user_id").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    /**
     * Set for the group of a shared copy whose owner came through no share link: made when the first colleague
     * joined it (lib/sandbox/shared-copies.ts), so the committee ranks, scores and reads as one, like an account.
     */
    sandboxId: text("sandbox_id"),
  },
  (table) => [index("accounts_owner").on(table.ownerUserId)],
);

/** `/try/<demo>?via=<token>`: ties whoever opens it (and whoever it is forwarded to) to an account. */
export const shareLinks = sqliteTable(
  "share_links",
  {
    /** Unguessable (random, URL-safe); it is the link, so reps can copy it again later. */
    token: text("token").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    demoSlug: text("demo_slug").notNull(),
    persona: text("persona"),
    personalization: text("personalization", { mode: "json" }).$type<Record<string, string>>(),
    createdByUserId: text("created_by_user_id").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    /**
     * Openings by browsers that sent GPC / Do-Not-Track: counted here, never linked to a visitor row, so the
     * account shows them only as a number.
     */
    untrackedOpenings: integer("untracked_openings").notNull().default(0),
  },
  (table) => [index("share_links_account").on(table.accountId)],
);

/** Every time a team member looked over a prospect's shoulder (the read-only view of their sandbox). */
export const shoulderViews = sqliteTable(
  "shoulder_views",
  {
    id: text("id").primaryKey(),
    visitorId: text("visitor_id")
      .notNull()
      .references(() => visitors.id, { onDelete: "cascade" }),
    sandboxId: text("sandbox_id").notNull(),
    /** Who looked: the log shows this member's current name (lib/shoulder-view/shoulder-view.ts). */
    viewerUserId: text("viewer_user_id").references(() => user.id, { onDelete: "set null" }),
    /** Their name when they looked, shown only once they are removed (the id above is then null). */
    viewerName: text("viewer_name").notNull(),
    openedAt: createdAt(),
  },
  (table) => [index("shoulder_views_visitor").on(table.visitorId, table.openedAt)],
);

export const sandboxes = sqliteTable(
  "sandboxes",
  {
    id: text("id").primaryKey(),
    visitorId: text("visitor_id")
      .notNull()
      .references(() => visitors.id, { onDelete: "cascade" }),
    demoSlug: text("demo_slug").notNull(),
    template: text("template").notNull(),
    createdAt: createdAt(),
    lastActiveAt: integer("last_active_at", { mode: "timestamp_ms" }).notNull(),
    /** "gone" rows keep no file; they remain a while so the owner gets a friendly note, not an error. */
    status: text("status", { enum: ["live", "gone"] })
      .notNull()
      .default("live"),
    goneReason: text("gone_reason", { enum: ["expired", "evicted", "corrupt", "reset", "node-lost"] }),
    /** Variables applied at provisioning (company, persona), after escaping and length limits. */
    personalization: text("personalization", { mode: "json" }).$type<Record<string, string>>(),
    /**
     * The node whose disk holds the file (its NODE_NAME, lib/cluster): requests are handed to it, and its death
     * means a fresh copy. Null for rows made before nodes were recorded: those are the node's that serves them.
     */
    node: text("node"),
  },
  (table) => [
    index("sandboxes_visitor_demo").on(table.visitorId, table.demoSlug),
    index("sandboxes_status_active").on(table.status, table.lastActiveAt),
  ],
);

/**
 * The app nodes serving this control plane (lib/cluster/heartbeat.ts): each writes its row every second or so;
 * one not seen for NODE_DEAD_AFTER_MS is dead. `url` is where the other nodes hand it requests for its sandboxes;
 * `instance` is random per process, so two live processes under one NODE_NAME are noticed.
 */
export const nodes = sqliteTable("nodes", {
  name: text("name").primaryKey(),
  url: text("url").notNull(),
  instance: text("instance").notNull(),
  startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
  lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * "Invite a colleague": a link to one copy (lib/sandbox/shared-copies.ts). At most one live link per copy;
 * turning it off sets `revokedAt` for good, and a new link can be made. 192 random bits, like a share link.
 */
export const sandboxInvites = sqliteTable(
  "sandbox_invites",
  {
    token: text("token").primaryKey(),
    sandboxId: text("sandbox_id")
      .notNull()
      .references(() => sandboxes.id, { onDelete: "cascade" }),
    createdByVisitorId: text("created_by_visitor_id").notNull(),
    createdAt: createdAt(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (table) => [index("sandbox_invites_sandbox").on(table.sandboxId)],
);

/**
 * The people of a shared copy: its owner (number 0, the sandbox's visitor, added when the first link is made)
 * and everyone who joined through a link (1, 2 … in order of joining, never reused). Each has their own visitor
 * identity and tour; the copy's writes are theirs alike. At most 10 rows per copy (shared-copies.ts).
 */
export const sandboxMembers = sqliteTable(
  "sandbox_members",
  {
    sandboxId: text("sandbox_id")
      .notNull()
      .references(() => sandboxes.id, { onDelete: "cascade" }),
    visitorId: text("visitor_id")
      .notNull()
      .references(() => visitors.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    /** Whose link brought them (null for the owner). */
    invitedByVisitorId: text("invited_by_visitor_id"),
    inviteToken: text("invite_token"),
    /** A name they typed for themselves, if they wished: shown only to the copy's people and the team. */
    displayName: text("display_name"),
    joinedAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.sandboxId, table.visitorId] }), index("sandbox_members_visitor").on(table.visitorId)],
);

/**
 * A studio preview's throwaway sandbox: a copy of the demo's template like a prospect's, but opened by a team
 * member, so it has no visitor row and writes no events (lib/studio/preview). Its file sits beside prospects'
 * sandboxes; the sandbox GC collects it when idle (lib/sandbox/gc.ts). Persona and locale are the preview's own.
 */
export const previewSandboxes = sqliteTable(
  "preview_sandboxes",
  {
    id: text("id").primaryKey(),
    memberId: text("member_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    demoSlug: text("demo_slug").notNull(),
    template: text("template").notNull(),
    createdAt: createdAt(),
    lastActiveAt: integer("last_active_at", { mode: "timestamp_ms" }).notNull(),
    /** The same shape as a prospect's (lib/sandbox/personalization.ts), so the product reads both alike. */
    personalization: text("personalization", { mode: "json" }).$type<Record<string, string>>(),
    /** The demo locale the preview shows; null: the demo's first. */
    locale: text("locale"),
  },
  (table) => [
    index("preview_sandboxes_member_demo").on(table.memberId, table.demoSlug),
    index("preview_sandboxes_active").on(table.lastActiveAt),
  ],
);

/** Append-only usage signals. The id is made by the browser (UUIDv7) so a retried batch is stored once. */
export const events = sqliteTable(
  "events",
  {
    id: text("id").primaryKey(),
    visitorId: text("visitor_id"),
    sandboxId: text("sandbox_id"),
    demoSlug: text("demo_slug"),
    type: text("type").notNull(),
    stepId: text("step_id"),
    stepIndex: integer("step_index"),
    action: text("action"),
    props: text("props", { mode: "json" }).$type<Record<string, string | number | boolean>>(),
    occurredAt: integer("occurred_at", { mode: "timestamp_ms" }).notNull(),
    receivedAt: integer("received_at", { mode: "timestamp_ms" }).notNull(),
    /** 30 minutes without an event ends a session; null when the visitor asked not to be tracked. */
    sessionId: text("session_id"),
    bot: integer("bot", { mode: "boolean" }).notNull().default(false),
  },
  (table) => [index("events_visitor_time").on(table.visitorId, table.occurredAt), index("events_time").on(table.occurredAt)],
);

export const visitorSessions = sqliteTable(
  "visitor_sessions",
  {
    id: text("id").primaryKey(),
    visitorId: text("visitor_id").notNull(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    lastEventAt: integer("last_event_at", { mode: "timestamp_ms" }).notNull(),
    eventCount: integer("event_count").notNull().default(0),
  },
  (table) => [index("visitor_sessions_visitor_last").on(table.visitorId, table.lastEventAt)],
);

/** Per-day counts folded from raw events before retention purges them, so funnels outlive raw data. */
export const eventDailyCounts = sqliteTable(
  "event_daily_counts",
  {
    day: text("day").notNull(),
    demoSlug: text("demo_slug").notNull().default(""),
    type: text("type").notNull(),
    stepId: text("step_id").notNull().default(""),
    count: integer("count").notNull(),
  },
  (table) => [primaryKey({ columns: [table.day, table.demoSlug, table.type, table.stepId] })],
);

/**
 * A prospect's "Talk to a human" thread. It belongs to the visitor (their functional cookie), never to a
 * name or an email. `linked` is false for a visitor who sent GPC / Do-Not-Track: the thread exists because
 * they asked, but it is kept out of their journey and events.
 */
export const conversations = sqliteTable(
  "conversations",
  {
    id: text("id").primaryKey(),
    visitorId: text("visitor_id").notNull(),
    /** Where they were when they asked: demo and sandbox (the rep's context panel reads from these). */
    demoSlug: text("demo_slug"),
    sandboxId: text("sandbox_id"),
    /** The rep who took it (first to reply, or the account's owner when they came through that rep's link). */
    assigneeUserId: text("assignee_user_id").references(() => user.id, { onDelete: "set null" }),
    status: text("status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    /** A rep muted the visitor: their new messages are refused with a polite reason (not stored, nobody told). */
    muted: integer("muted", { mode: "boolean" }).notNull().default(false),
    linked: integer("linked", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    lastMessageAt: integer("last_message_at", { mode: "timestamp_ms" }).notNull(),
    /** Highest message id each side has read: unread replies are marked for the prospect, new questions for reps. */
    visitorReadId: integer("visitor_read_id").notNull().default(0),
    teamReadId: integer("team_read_id").notNull().default(0),
  },
  (table) => [index("conversations_visitor").on(table.visitorId), index("conversations_last_message").on(table.lastMessageAt)],
);

export const conversationMessages = sqliteTable(
  "conversation_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    /** "visitor" or "team"; a team message names its author. */
    author: text("author", { enum: ["visitor", "team"] }).notNull(),
    authorUserId: text("author_user_id").references(() => user.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
    /**
     * A rep's suggestion card: a page of the product or a step of the demo's tour, as the manifest and the demo
     * named it when sent (lib/conversations/suggestions.ts); `body` is its line of why. Null for a plain message.
     */
    suggestion: text("suggestion", { mode: "json" }).$type<StoredSuggestion>(),
    /** When the prospect chose "Show me" on it. */
    suggestionOpenedAt: integer("suggestion_opened_at", { mode: "timestamp_ms" }),
  },
  (table) => [index("conversation_messages_thread").on(table.conversationId, table.id)],
);

/**
 * What live streams tell their readers, committed before anyone is told, so a reconnect with Last-Event-ID
 * gets exactly what it missed. `topic` is "team" (every signed-in member) or "visitor:<id>" (one prospect).
 */
export const liveEvents = sqliteTable(
  "live_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    topic: text("topic").notNull(),
    type: text("type").notNull(),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("live_events_topic").on(table.topic, table.id)],
);

/**
 * Token buckets of the limits that must hold across app nodes (provisioning, conversations, messages), on
 * PostgreSQL only: SQLite serves one node, which keeps them in memory (lib/http/shared-rate-limit.ts). The key is
 * the limit's name and a pseudonym of the client made with a salt derived from the server secret, so every node
 * keys a client alike and no raw address is stored. A bucket untouched for a window is full again, and pruned.
 */
export const rateLimitBuckets = sqliteTable(
  "rate_limit_buckets",
  {
    key: text("key").primaryKey(),
    tokens: real("tokens").notNull(),
    /** Epoch milliseconds of the last refill. */
    updatedAt: integer("updated_at").notNull(),
  },
  (table) => [index("rate_limit_buckets_updated").on(table.updatedAt)],
);

/**
 * When each raiser's hand-raise last counted (lib/signals/hand-raise.ts): a visitor, or for visitors who sent
 * GPC / Do-Not-Track, never linked to them, "anonymous in <demo>". The key is the claim: two requests, or two
 * app nodes on one database, cannot both count a hand-raise in the same window.
 */
export const handRaises = sqliteTable("hand_raises", {
  raiser: text("raiser").primaryKey(),
  raisedAt: integer("raised_at", { mode: "timestamp_ms" }).notNull(),
});

/** When each team member's workspace was last active: "someone is here now" means within the last minute. */
export const teamPresence = sqliteTable("team_presence", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  lastActiveAt: integer("last_active_at", { mode: "timestamp_ms" }).notNull(),
});

/** An admin's alert target: Slack-compatible or generic JSON, HMAC-signed with its own secret. */
export const webhooks = sqliteTable("webhooks", {
  id: text("id").primaryKey(),
  url: text("url").notNull(),
  format: text("format", { enum: ["slack", "json"] }).notNull(),
  /** The alert kinds it receives (lib/webhooks/alert-kinds.ts). */
  events: text("events", { mode: "json" }).$type<string[]>().notNull(),
  secret: text("secret").notNull(),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  createdByUserId: text("created_by_user_id").references(() => user.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

/**
 * The durable outbox: an alert is written here in the same transaction as what caused it, then delivered
 * by a worker with retries and backoff. Each attempt's outcome stays here as the delivery log.
 */
export const webhookOutbox = sqliteTable(
  "webhook_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    webhookId: text("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["pending", "delivered", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    index("webhook_outbox_due").on(table.status, table.nextAttemptAt),
    index("webhook_outbox_hook").on(table.webhookId, table.id),
  ],
);

// ---- rep insights: aggregates folded from events in the background (lib/insights/fold.ts) ----

/** The event-count columns every aggregate keeps; lib/insights/activity.ts says which event feeds which. */
const activityCounters = () => ({
  views: integer("views").notNull().default(0),
  toursStarted: integer("tours_started").notNull().default(0),
  steps: integer("steps").notNull().default(0),
  toursFinished: integer("tours_finished").notNull().default(0),
  dealsCreated: integer("deals_created").notNull().default(0),
  stagesMoved: integer("stages_moved").notNull().default(0),
  activitiesLogged: integer("activities_logged").notNull().default(0),
  imports: integer("imports").notNull().default(0),
  choices: integer("choices").notNull().default(0),
  navigations: integer("navigations").notNull().default(0),
  ctas: integer("ctas").notNull().default(0),
  handraises: integer("handraises").notNull().default(0),
  missingTargets: integer("missing_targets").notNull().default(0),
  /** Events that only a person produces (lib/signals/signal-types.ts interactionTypes). */
  interactions: integer("interactions").notNull().default(0),
  /** Events not marked automated: a visitor with none and no interaction is a headless opening, not a person. */
  humanEvents: integer("human_events").notNull().default(0),
  firstAt: integer("first_at", { mode: "timestamp_ms" }).notNull(),
  lastAt: integer("last_at", { mode: "timestamp_ms" }).notNull(),
  /** The longest silence between two of their events: "back after 3 days". */
  longestGapMs: integer("longest_gap_ms").notNull().default(0),
  /** Undecayed points (lib/insights/score.ts); the page decays them from lastAt when it reads them. */
  rawScore: real("raw_score").notNull().default(0),
  /**
   * log2(rawScore) + lastAt / half-life: orders exactly as the decayed score does at any instant, yet never
   * changes with the clock, so an index on it makes the hot list a walk instead of a sort.
   */
  rankKey: real("rank_key").notNull().default(-1e9),
});

export const visitorActivity = sqliteTable(
  "visitor_activity",
  { visitorId: text("visitor_id").primaryKey(), ...activityCounters() },
  // The second index walks only hand-raisers, so the "raised a hand" filter never passes over everyone else.
  (table) => [
    index("visitor_activity_rank").on(table.rankKey),
    index("visitor_activity_raised_rank").on(table.rankKey).where(sql`handraises > 0`),
  ],
);

export const accountActivity = sqliteTable(
  "account_activity",
  {
    accountId: text("account_id").primaryKey(),
    /** Its visitors who interacted: a mail scanner opening the link is not one of the buying committee. */
    people: integer("people").notNull().default(0),
    ...activityCounters(),
  },
  (table) => [
    index("account_activity_rank").on(table.rankKey),
    index("account_activity_raised_rank").on(table.rankKey).where(sql`handraises > 0`),
  ],
);

/**
 * The hot list's entries once per filter they match — `facet` is "" (any), "demo:<slug>", "persona:<id>" or
 * "demo:<slug>+persona:<id>" — so every filter combination is one walk of one index range, however few
 * people it matches: walking all ranked people for a rare persona grew with history (bench:sales). Holds only
 * who the list shows (accounts with people; anonymous, untracked-not-asked, person visitors); the fold
 * rewrites an entry's rows whenever it rewrites the entry's aggregate, rank key included.
 */
export const hotListFacets = sqliteTable(
  "hot_list_facets",
  {
    facet: text("facet").notNull(),
    kind: text("kind", { enum: ["account", "visitor"] }).notNull(),
    entityId: text("entity_id").notNull(),
    rankKey: real("rank_key").notNull(),
    handRaised: integer("hand_raised", { mode: "boolean" }).notNull(),
    firstAt: integer("first_at", { mode: "timestamp_ms" }).notNull(),
    lastAt: integer("last_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.kind, table.entityId, table.facet] }),
    index("hot_list_facets_rank").on(table.facet, table.kind, table.rankKey),
    index("hot_list_facets_raised_rank").on(table.facet, table.kind, table.rankKey).where(sql`hand_raised = 1`),
  ],
);

/** Which funnel stages a visitor has reached per demo, so each visitor counts once per stage. */
export const funnelMarks = sqliteTable(
  "funnel_marks",
  {
    visitorId: text("visitor_id").notNull(),
    demoSlug: text("demo_slug").notNull(),
    stage: text("stage").notNull(),
  },
  (table) => [primaryKey({ columns: [table.visitorId, table.demoSlug, table.stage] })],
);

/** Visitors who reached each stage, per demo, persona path, locale and source: a funnel page reads only these. */
export const funnelCounts = sqliteTable(
  "funnel_counts",
  {
    demoSlug: text("demo_slug").notNull(),
    persona: text("persona").notNull().default(""),
    locale: text("locale").notNull().default(""),
    /** "" for a visit straight to this app, else the host of the page that embedded the demo (lib/insights/funnel-sources.ts). */
    source: text("source").notNull().default(""),
    stage: text("stage").notNull(),
    visitors: integer("visitors").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.demoSlug, table.stage, table.persona, table.locale, table.source] })],
);

/**
 * How far each fold has read the events table: the dialect's commit-order cursor of the last event read
 * (SQLite: its rowid; PostgreSQL: its transaction id and sequence number — db/dialects/<dialect>/events-cursor.ts).
 */
export const foldWatermarks = sqliteTable("fold_watermarks", {
  name: text("name").primaryKey(),
  position: text("position").notNull(),
});

// ---- better-auth tables (field list from its drizzle adapter; the generator needs Node 22) ----

export const user = sqliteTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  image: text("image"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  /** Openhouse's own column, outside better-auth: what the member may do (lib/auth/roles.ts). */
  role: text("role", { enum: ["admin", "rep", "marketer"] })
    .notNull()
    .default("rep"),
});

export const session = sqliteTable("session", {
  id: text("id").primaryKey(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  token: text("token").notNull().unique(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  ipAddress: text("ip_address"),
  userAgent: text("user_agent"),
  userId: text("user_id")
    .notNull()
    .references(() => user.id, { onDelete: "cascade" }),
});

export const account = sqliteTable("account", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  providerId: text("provider_id").notNull(),
  userId: text("user_id")
    .notNull()
    .references(() => user.id, { onDelete: "cascade" }),
  accessToken: text("access_token"),
  refreshToken: text("refresh_token"),
  idToken: text("id_token"),
  accessTokenExpiresAt: integer("access_token_expires_at", { mode: "timestamp_ms" }),
  refreshTokenExpiresAt: integer("refresh_token_expires_at", { mode: "timestamp_ms" }),
  scope: text("scope"),
  password: text("password"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/** better-auth's sign-in rate limit, kept in the database so every app node counts the same attempts. */
export const rateLimit = sqliteTable("rate_limit", {
  id: text("id").primaryKey(),
  key: text("key").notNull().unique(),
  count: integer("count").notNull(),
  lastRequest: integer("last_request").notNull(),
});

export const verification = sqliteTable("verification", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
});

export type Demo = typeof demos.$inferSelect;
export type Visitor = typeof visitors.$inferSelect;
export type Sandbox = typeof sandboxes.$inferSelect;
export type NodeRow = typeof nodes.$inferSelect;
export type PreviewSandbox = typeof previewSandboxes.$inferSelect;
export type SandboxInvite = typeof sandboxInvites.$inferSelect;
export type SandboxMember = typeof sandboxMembers.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type NewEventRow = typeof events.$inferInsert;
export type Account = typeof accounts.$inferSelect;
export type ShareLink = typeof shareLinks.$inferSelect;
export type ShoulderView = typeof shoulderViews.$inferSelect;
export type TeamMemberRow = typeof user.$inferSelect;
export type Conversation = typeof conversations.$inferSelect;
export type ConversationMessage = typeof conversationMessages.$inferSelect;
export type LiveEvent = typeof liveEvents.$inferSelect;
export type Webhook = typeof webhooks.$inferSelect;
export type OutboxRow = typeof webhookOutbox.$inferSelect;
export type RateLimitBucket = typeof rateLimitBuckets.$inferSelect;
export type VisitorSession = typeof visitorSessions.$inferSelect;
export type VisitorActivity = typeof visitorActivity.$inferSelect;
export type AccountActivity = typeof accountActivity.$inferSelect;
