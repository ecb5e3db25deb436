// Webhook settings over HTTP, for admins only (each route handler runs the guard itself): list with the delivery log, add (checked), turn on/off, remove.
import "server-only";
import { z } from "zod";
import { parseJsonBody } from "@/lib/http/read-json-body";
import { jsonError, jsonOk } from "@/lib/http/responses";
import { isWellFormedId } from "@/lib/sandbox/ids";
import { createWebhook, deleteWebhook, listWebhooks, recentDeliveries, setWebhookEnabled } from "./webhooks";

/** The admin the route handler's guard (roleOrRefusal(request, "webhooks")) let in. */
export type Admin = { user: { id: string } };

const raw = (request: Request) => ({
  contentType: request.headers.get("content-type"),
  contentLength: request.headers.get("content-length"),
  chunks: request.body as AsyncIterable<Uint8Array> | null,
});

/** What a list shows: never the secret again after it was given once. */
function publicView(hook: Awaited<ReturnType<typeof listWebhooks>>[number]) {
  const { secret: _secret, ...rest } = hook;
  return rest;
}

export async function getWebhooks(): Promise<Response> {
  return jsonOk({ webhooks: (await listWebhooks()).map(publicView), deliveries: await recentDeliveries() });
}

export async function postWebhook(request: Request, admin: Admin): Promise<Response> {
  // Parsed loosely here so field errors come from createWebhook, all at once.
  const parsed = await parseJsonBody(raw(request), z.record(z.string(), z.unknown()), 8 * 1024);
  if (!parsed.ok) return jsonError(parsed.status, parsed.error);
  const saved = await createWebhook(parsed.value, admin.user.id);
  if (!saved.ok) return Response.json({ error: "Check the highlighted fields", fieldErrors: saved.fieldErrors }, { status: 400 });
  return jsonOk({ id: saved.id, secret: saved.secret }, 201);
}

const patchSchema = z.object({ enabled: z.boolean({ error: "enabled is true or false" }) }).strict();

export async function patchWebhook(request: Request, id: string): Promise<Response> {
  const parsed = await parseJsonBody(raw(request), patchSchema, 1024);
  if (!parsed.ok) return jsonError(parsed.status, parsed.error);
  if (!isWellFormedId(id) || !(await setWebhookEnabled(id, parsed.value.enabled))) return jsonError(404, "No such webhook");
  return jsonOk({ ok: true });
}

export async function removeWebhook(id: string): Promise<Response> {
  if (!isWellFormedId(id) || !(await deleteWebhook(id))) return jsonError(404, "No such webhook");
  return jsonOk({ ok: true });
}
