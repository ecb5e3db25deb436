// Puts an alert in the durable outbox, one row per enabled webhook that wants its kind, inside the caller's
// transaction: the alert exists exactly when what caused it does. The worker (deliver.ts) sends it.
import "server-only";
import { eq } from "drizzle-orm";
import type { ControlDb } from "@/db/client";
import { webhookOutbox, webhooks } from "@/db/control/schema";
import type { AlertKind } from "./alert-kinds";

export type Alert = { kind: AlertKind; text: string; data: Record<string, unknown> };

export function enqueueAlert(tx: Pick<ControlDb, "select" | "insert">, alert: Alert, now: Date = new Date()): number {
  const targets = tx.select({ id: webhooks.id, events: webhooks.events }).from(webhooks).where(eq(webhooks.enabled, true)).all();
  const wanted = targets.filter((target) => target.events.includes(alert.kind));
  if (wanted.length === 0) return 0;
  tx.insert(webhookOutbox)
    .values(
      wanted.map((target) => ({
        webhookId: target.id,
        kind: alert.kind,
        payload: { text: alert.text, data: alert.data, at: now.toISOString() },
        nextAttemptAt: now,
      })),
    )
    .run();
  return wanted.length;
}
