// Background jobs that must run on one app node at a time — the insights fold and its score alerts, the
// retention purge, expiry of sandbox and preview rows, pruning live events and rate-limit buckets, the signal
// watch — each behind a gate: on PostgreSQL a session-level advisory lock held on one dedicated connection per
// node (db/dialects/postgres/cluster.ts), freed by PostgreSQL when that node or its connection dies, and taken
// by another node on its next try; on SQLite, one node, every gate is open.
import "server-only";
import { clusterLink } from "@/db/control-plane";
import type { SingletonJob } from "@/db/store";
import { runtime } from "./runtime";

/** Whether a job may run on this node now; read on every tick of the job. */
export type JobGate = () => boolean;

export const everyNode: JobGate = () => true;

/** How often a node tries for the locks it lacks: the most a dead holder's jobs wait for another node. */
export const singletonRetryMs = 1_000;

const jobs: readonly SingletonJob[] = ["insightsFold", "retention", "sandboxRows", "livePrune", "signalWatch", "rateLimitPrune"];

export type Singletons = { gate(job: SingletonJob): JobGate; stop(): Promise<void> };

/** The singletons' application_name, so an operator (or a test) can see which node holds which job. */
export function singletonsApplicationName(): string {
  return `openhouse-singletons ${runtime().config.nodeName}`;
}

/**
 * Starts competing for the singleton jobs (from the composition root), resolving after the first try, so the
 * jobs that run at start-up run on the node that took them; its stop frees them for other nodes.
 */
export async function startSingletons(): Promise<Singletons> {
  const cluster = clusterLink();
  if (!cluster) return { gate: () => everyNode, stop: async () => {} };
  const holder = cluster.holdSingletons(jobs, { applicationName: singletonsApplicationName(), everyMs: singletonRetryMs });
  await holder.ready;
  return { gate: (job) => () => holder.holds(job), stop: () => holder.stop() };
}
