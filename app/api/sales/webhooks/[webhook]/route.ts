// PATCH /api/sales/webhooks/<id> — turn on or off; DELETE — remove (admins only).
import { methodNotAllowed } from "@/lib/http/responses";
import { teamRoute } from "@/lib/http/team-route";
import { patchWebhook, removeWebhook, webhookPatchSchema } from "@/lib/webhooks/admin-api";

export const PATCH = teamRoute(
  { permission: "webhooks", params: ["webhook"], body: webhookPatchSchema, maxBodyBytes: 1024 },
  ({ params, body }) => patchWebhook(params.webhook, body),
);

export const DELETE = teamRoute({ permission: "webhooks", params: ["webhook"] }, ({ params }) => removeWebhook(params.webhook));

export const GET = methodNotAllowed("PATCH", "DELETE");
export const POST = GET;
export const PUT = GET;
