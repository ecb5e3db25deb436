// Puts an alert in the durable outbox, one row per enabled webhook that wants its kind, inside the caller's
// transaction: the alert exists exactly when what caused it does. The worker (deliver.ts) sends it.
import "server-only";
import { insertOutboxRows } from "@/db/queries/webhooks";
import type { Store } from "@/db/store";
import type { AlertKind } from "./alert-kinds";

export type Alert = { kind: AlertKind; text: string; data: Record<string, unknown> };

export function enqueueAlert(tx: Store, alert: Alert, now: Date = new Date()): Promise<number> {
  return insertOutboxRows(alert.kind, { text: alert.text, data: alert.data, at: now.toISOString() }, now, tx);
}
