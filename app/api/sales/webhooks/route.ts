// GET /api/sales/webhooks — webhooks and the delivery log; POST — add one (admins only).
import { methodNotAllowed } from "@/lib/http/responses";
import { getWebhooks, postWebhook } from "@/lib/webhooks/admin-api";

export const GET = getWebhooks;
export const POST = postWebhook;
export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = PUT;
export const DELETE = PUT;
