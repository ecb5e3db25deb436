// The webhooks an admin configures: validated and target-checked when saved, each with its own signing
// secret (shown to the admin, who gives it to the receiver).
import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { deleteWebhookRow, insertWebhook, recentOutboxRows, updateWebhookEnabled, webhooksNewestFirst } from "@/db/queries/webhooks";
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

export async function createWebhook(input: unknown, createdByUserId: string): Promise<SaveResult> {
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
  await insertWebhook({
    id,
    url: checked.url.toString(),
    format: parsed.data.format,
    events: [...new Set(parsed.data.events)],
    secret,
    createdByUserId,
  });
  return { ok: true, id, secret };
}

export const listWebhooks = () => webhooksNewestFirst();

export const setWebhookEnabled = (id: string, enabled: boolean) => updateWebhookEnabled(id, enabled);

export const deleteWebhook = (id: string) => deleteWebhookRow(id);

/** The delivery log: the latest rows of the outbox, with their attempts and outcomes. */
export const recentDeliveries = (limit = 50) => recentOutboxRows(limit);
