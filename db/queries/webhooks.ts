// Webhooks an admin configured, and the durable outbox of alerts to them (which doubles as the delivery log).
import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
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

/**
 * Claims up to `limit` pending rows whose next attempt is due, oldest due first, by pushing their next attempt to
 * `leaseUntil`, and returns them with their webhook. One statement: on PostgreSQL the rows are picked `for update
 * skip locked`, so app nodes claiming at once each get rows no other got, without waiting on each other; a node
 * that dies holding a claim leaves the row due again when the lease ends, for another node to send (with the
 * same row id, the receiver's delivery id). On SQLite the one writer claims alone.
 */
export async function claimDueOutboxRows(
  now: Date,
  limit: number,
  leaseUntil: Date,
  s: Store = store(),
): Promise<{ row: OutboxRow; hook: Webhook }[]> {
  const { webhooks, webhookOutbox } = s.t;
  const due = sql`(select id from webhook_outbox where status = 'pending' and next_attempt_at <= ${now.getTime()}
    order by next_attempt_at limit ${limit} ${s.sql.skipLocked()})`;
  const rows = await s.all(
    s.db
      .update(webhookOutbox)
      .set({ nextAttemptAt: leaseUntil })
      .where(and(inArray(webhookOutbox.id, due), eq(webhookOutbox.status, "pending")))
      .returning(),
  );
  if (rows.length === 0) return [];
  const hooks = await s.all(
    s.db
      .select()
      .from(webhooks)
      .where(inArray(webhooks.id, [...new Set(rows.map((row) => row.webhookId))])),
  );
  const byId = new Map(hooks.map((hook) => [hook.id, hook]));
  return rows
    .sort((a, b) => a.id - b.id)
    .flatMap((row) => {
      const hook = byId.get(row.webhookId);
      return hook ? [{ row, hook }] : [];
    });
}

type AttemptOutcome = Partial<Pick<OutboxRow, "status" | "attempts" | "lastStatus" | "lastError" | "deliveredAt" | "nextAttemptAt">>;

export async function recordOutboxAttempt(id: number, outcome: AttemptOutcome, s: Store = store()): Promise<void> {
  const { webhookOutbox } = s.t;
  await s.run(s.db.update(webhookOutbox).set(outcome).where(eq(webhookOutbox.id, id)));
}
