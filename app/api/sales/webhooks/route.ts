// GET /api/sales/webhooks — webhooks and the delivery log; POST — add one (admins only).
import { methodNotAllowed } from "@/lib/http/responses";
import { jsonObject, teamRoute } from "@/lib/http/team-route";
import { getWebhooks, postWebhook } from "@/lib/webhooks/admin-api";

export const GET = teamRoute({ permission: "webhooks" }, () => getWebhooks());

export const POST = teamRoute({ permission: "webhooks", body: jsonObject, maxBodyBytes: 8 * 1024 }, ({ member, body }) =>
  postWebhook(body, member),
);

export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = PUT;
export const DELETE = PUT;
