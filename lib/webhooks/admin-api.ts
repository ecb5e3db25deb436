// Webhook settings over HTTP, for admins only (the routes' guard, lib/http/team-route.ts, lets them in): list with
// the delivery log, add (checked), turn on/off, remove. A refusal is thrown as an ApiError.
import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import { jsonOk } from "@/lib/http/responses";
import { isWellFormedId } from "@/lib/sandbox/ids";
import { createWebhook, deleteWebhook, listWebhooks, recentDeliveries, setWebhookEnabled } from "./webhooks";

/** The admin the route's guard let in. */
export type Admin = { user: { id: string } };

/** What a list shows: never the secret again after it was given once. */
function publicView(hook: Awaited<ReturnType<typeof listWebhooks>>[number]) {
  const { secret: _secret, ...rest } = hook;
  return rest;
}

const noSuchWebhook = () => new ApiError(404, "No such webhook");

export async function getWebhooks() {
  return { webhooks: (await listWebhooks()).map(publicView), deliveries: await recentDeliveries() };
}

/** `input` is any JSON object: createWebhook parses it, so every field's problem is answered at once. */
export async function postWebhook(input: Record<string, unknown>, admin: Admin): Promise<Response> {
  const saved = await createWebhook(input, admin.user.id);
  if (!saved.ok) throw new ApiError(400, "Check the highlighted fields", saved.fieldErrors);
  return jsonOk({ id: saved.id, secret: saved.secret }, 201);
}

export const webhookPatchSchema = z.object({ enabled: z.boolean({ error: "enabled is true or false" }) }).strict();

export async function patchWebhook(id: string, patch: z.output<typeof webhookPatchSchema>): Promise<{ ok: true }> {
  if (!isWellFormedId(id) || !(await setWebhookEnabled(id, patch.enabled))) throw noSuchWebhook();
  return { ok: true };
}

export async function removeWebhook(id: string): Promise<{ ok: true }> {
  if (!isWellFormedId(id) || !(await deleteWebhook(id))) throw noSuchWebhook();
  return { ok: true };
}
