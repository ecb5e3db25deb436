// The webhooks an admin configures: validated and target-checked when saved, each with its own signing
// secret (shown to the admin, who gives it to the receiver).
import "server-only";
import crypto from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { type ControlDb, controlDb } from "@/db/client";
import { webhookOutbox, webhooks } from "@/db/control/schema";
import { runtime } from "@/lib/runtime/runtime";
import { newId } from "@/lib/sandbox/ids";
import { alertKinds } from "./alert-kinds";
import { checkWebhookTarget } from "./target-check";

export const newWebhookSchema = z
  .object({
    url: z.string().trim().min(1, "Give the address that receives the alerts").max(2000, "That address is too long"),
    format: z.enum(["slack", "json"], { error: "Pick Slack or generic JSON" }),
    events: z.array(z.enum(alertKinds, { error: "Pick alerts from the list" })).min(1, "Pick at least one alert"),
  })
  .strict();
export type NewWebhook = z.infer<typeof newWebhookSchema>;

export type SaveResult = { ok: true; id: string; secret: string } | { ok: false; fieldErrors: Record<string, string> };

export async function createWebhook(input: unknown, createdByUserId: string, db: ControlDb = controlDb()): Promise<SaveResult> {
  const parsed = newWebhookSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { ok: false, fieldErrors };
  }
  const checked = await checkWebhookTarget(parsed.data.url, { allowPrivate: runtime().config.webhooksAllowPrivate });
  if (!checked.ok) return { ok: false, fieldErrors: { url: checked.error } };
  const id = newId();
  const secret = `whsec_${crypto.randomBytes(24).toString("base64url")}`;
  db.insert(webhooks)
    .values({
      id,
      url: checked.url.toString(),
      format: parsed.data.format,
      events: [...new Set(parsed.data.events)],
      secret,
      createdByUserId,
    })
    .run();
  return { ok: true, id, secret };
}

export function listWebhooks(db: Pick<ControlDb, "select"> = controlDb()) {
  return db.select().from(webhooks).orderBy(desc(webhooks.createdAt)).all();
}

export function setWebhookEnabled(id: string, enabled: boolean, db: ControlDb = controlDb()): boolean {
  return db.update(webhooks).set({ enabled }).where(eq(webhooks.id, id)).run().changes === 1;
}

export function deleteWebhook(id: string, db: ControlDb = controlDb()): boolean {
  return db.delete(webhooks).where(eq(webhooks.id, id)).run().changes === 1;
}

/** The delivery log: the latest rows of the outbox, with their attempts and outcomes. */
export function recentDeliveries(limit = 50, db: Pick<ControlDb, "select"> = controlDb()) {
  return db
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
    .limit(limit)
    .all();
}
