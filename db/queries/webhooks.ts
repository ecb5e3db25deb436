// Webhooks an admin configured, and the durable outbox of alerts to them (which doubles as the delivery log).
import "server-only";
import { and, asc, desc, eq, lte } from "drizzle-orm";
import type { OutboxRow, Webhook } from "@/db/control/schema";
import { store } from "@/db/control-plane";
import type { Store } from "@/db/store";

type NewWebhook = Pick<Webhook, "id" | "url" | "format" | "events" | "secret" | "createdByUserId">;

export async function insertWebhook(hook: NewWebhook, s: Store = store()): Promise<void> {
  await s.run(s.db.insert(s.t.webhooks).values(hook));
}

export function webhooksNewestFirst(s: Store = store()): Promise<Webhook[]> {
  const { webhooks } = s.t;
  return s.all(s.db.select().from(webhooks).orderBy(desc(webhooks.createdAt)));
}

export async function updateWebhookEnabled(id: string, enabled: boolean, s: Store = store()): Promise<boolean> {
  const { webhooks } = s.t;
  return (await s.run(s.db.update(webhooks).set({ enabled }).where(eq(webhooks.id, id)))) === 1;
}

export async function deleteWebhookRow(id: string, s: Store = store()): Promise<boolean> {
  const { webhooks } = s.t;
  return (await s.run(s.db.delete(webhooks).where(eq(webhooks.id, id)))) === 1;
}

/** One outbox row per enabled webhook that wants `kind`; returns how many. Call inside the causing transaction. */
export async function insertOutboxRows(kind: string, payload: OutboxRow["payload"], now: Date, s: Store): Promise<number> {
  const { webhooks, webhookOutbox } = s.t;
  const targets = await s.all(s.db.select({ id: webhooks.id, events: webhooks.events }).from(webhooks).where(eq(webhooks.enabled, true)));
  const wanted = targets.filter((target) => target.events.includes(kind));
  if (wanted.length === 0) return 0;
  await s.run(s.db.insert(webhookOutbox).values(wanted.map((target) => ({ webhookId: target.id, kind, payload, nextAttemptAt: now }))));
  return wanted.length;
}

/** The latest outbox rows with their webhook's address: the admin's delivery log. */
export function recentOutboxRows(limit: number, s: Store = store()) {
  const { webhooks, webhookOutbox } = s.t;
  return s.all(
    s.db
      .select({
        id: webhookOutbox.id,
        webhookId: webhookOutbox.webhookId,
        url: webhooks.url,
        kind: webhookOutbox.kind,
        status: webhookOutbox.status,
        attempts: webhookOutbox.attempts,
        lastStatus: webhookOutbox.lastStatus,
        lastError: webhookOutbox.lastError,
        createdAt: webhookOutbox.createdAt,
        deliveredAt: webhookOutbox.deliveredAt,
        nextAttemptAt: webhookOutbox.nextAttemptAt,
      })
      .from(webhookOutbox)
      .innerJoin(webhooks, eq(webhooks.id, webhookOutbox.webhookId))
      .orderBy(desc(webhookOutbox.id))
      .limit(limit),
  );
}

/** Pending rows whose next attempt is due, with their webhook. */
export function dueOutboxRows(now: Date, limit: number, s: Store = store()): Promise<{ row: OutboxRow; hook: Webhook }[]> {
  const { webhooks, webhookOutbox } = s.t;
  return s.all(
    s.db
      .select({ row: webhookOutbox, hook: webhooks })
      .from(webhookOutbox)
      .innerJoin(webhooks, eq(webhooks.id, webhookOutbox.webhookId))
      .where(and(eq(webhookOutbox.status, "pending"), lte(webhookOutbox.nextAttemptAt, now)))
      .orderBy(asc(webhookOutbox.nextAttemptAt))
      .limit(limit),
  );
}

/**
 * Claims a due row by pushing its next attempt to `leaseUntil`, only if nobody moved it since it was read;
 * true when this caller got it.
 */
export async function claimOutboxRow(row: Pick<OutboxRow, "id" | "nextAttemptAt">, leaseUntil: Date, s: Store = store()): Promise<boolean> {
  const { webhookOutbox } = s.t;
  const changed = await s.run(
    s.db
      .update(webhookOutbox)
      .set({ nextAttemptAt: leaseUntil })
      .where(and(eq(webhookOutbox.id, row.id), eq(webhookOutbox.nextAttemptAt, row.nextAttemptAt), eq(webhookOutbox.status, "pending"))),
  );
  return changed === 1;
}

type AttemptOutcome = Partial<Pick<OutboxRow, "status" | "attempts" | "lastStatus" | "lastError" | "deliveredAt" | "nextAttemptAt">>;

export async function recordOutboxAttempt(id: number, outcome: AttemptOutcome, s: Store = store()): Promise<void> {
  const { webhookOutbox } = s.t;
  await s.run(s.db.update(webhookOutbox).set(outcome).where(eq(webhookOutbox.id, id)));
}
