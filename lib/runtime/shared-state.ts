// Everything a process keeps in memory besides its connections, in one list: each value the runtime shares
// between the copies of a module (lib/runtime/runtime.ts shared()), by key, with its type. A key not listed here,
// or a value of another type, fails tsc. Timers are not kept here: the composition root starts them
// (lib/runtime/start.ts) and the runtime's close stops them.
import type { AsyncLocalStorage } from "node:async_hooks";
import type { Agent, ServerResponse } from "node:http";
import type { LRUCache } from "lru-cache";
import type { Auth } from "@/lib/auth/auth";
import type { TeamSession } from "@/lib/auth/team-session";
import type { DemoDefinition } from "@/lib/demos/demo-schema";
import type { RequestTiming } from "@/lib/http/server-timing";
import type { Hub } from "@/lib/live/hub";
import type { HeldStream } from "@/lib/live/stream-holders";
import type { StreamMemberEntry } from "@/lib/live/stream-member";
import type { GroupCommitter } from "@/lib/signals/group-commit";
import type { PreparedBatch } from "@/lib/signals/ingest";
import type { DemoVersion } from "@/lib/studio/demo-version";

export type SharedState = {
  /** better-auth, made once from this runtime's settings (lib/auth/auth.ts). */
  auth: Auth;
  /** A request's team session, looked up once however many layers ask (lib/auth/team-session.ts). */
  "auth.session-lookups": WeakMap<Headers, Promise<TeamSession | null>>;
  /** The current request's Server-Timing parts (lib/http/server-timing.ts). */
  "http.server-timing": AsyncLocalStorage<RequestTiming>;
  /** Salts the sign-in limit's pseudonyms of client addresses, derived from the server secret (lib/http/client-ip.ts). */
  "client-ip.pseudonym-salt": Buffer;
  /** When each sender's last "is typing…" went out (lib/conversations/typing.ts). */
  "conversations.typing": LRUCache<string, number>;
  /** The sandbox schema's migrations' hash, in template names (lib/demos/compile-template.ts). */
  "demos.sandbox-schema-hash": string;
  /** Ingest's one group committer (lib/signals/handle-signals.ts). */
  "signals.committer": GroupCommitter<PreparedBatch, { stored: number }>;
  /** Streams by topic and what has been fanned out (lib/live/hub.ts). */
  "live.hub": Hub;
  /** Every open event stream, for the heartbeat (lib/live/sse.ts). */
  "live.open-streams": Set<ServerResponse>;
  /** Team stream members by session cookie, briefly (lib/live/stream-member.ts). */
  "live.stream-members": Map<string, StreamMemberEntry>;
  /** Where the signal watch has read to (lib/live/signal-watch.ts). */
  "live.signal-watermark": Promise<{ cursor: string | null }>;
  /** Streams held per person and per client address, for their caps (lib/live/stream-holders.ts). */
  "live.holders.person": Map<string, Set<HeldStream>>;
  "live.holders.address": Map<string, Set<HeldStream>>;
  /** Salts the address holders' keys (lib/live/stream-holders.ts). */
  "live.address-salt": Buffer;
  /** Visitor cookie values whose signature checked out, and their visitor ids (lib/visitors/visitor-cookie.ts). */
  "visitors.verified-cookies": LRUCache<string, string>;
  /** The demo files' version, bumped by the dev watcher (lib/studio/demo-version.ts). */
  "studio.demo-version": DemoVersion;
  /** Kept-alive connections to the other nodes, for the requests handed to them (lib/cluster/forward.ts). */
  "cluster.forwarding-agent": Agent;
} & { [Key in keyof PerDemoVersion]: { version: string; made: PerDemoVersion[Key] | undefined } };

/** What is made from every demo's definition and kept until a demo changes (lib/insights/per-demo-version.ts). */
export type PerDemoVersion = {
  /** Demo and step titles for journeys (lib/insights/journey.ts). */
  "insights.demo-names": Map<string, string>;
  /** Each demo's definition, and its longest tour per persona as asked for (lib/insights/visitors.ts). */
  "insights.tour-lengths": { definitions: Map<string, DemoDefinition>; most: Map<string, number> };
};

export type SharedKey = keyof SharedState;
