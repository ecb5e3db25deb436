// PATCH /api/sales/webhooks/<id> — turn on or off; DELETE — remove (admins only).
import { methodNotAllowed } from "@/lib/http/responses";
import { patchWebhook, removeWebhook } from "@/lib/webhooks/admin-api";

type Params = { params: Promise<{ webhook: string }> };

export async function PATCH(request: Request, { params }: Params): Promise<Response> {
  return patchWebhook(request, (await params).webhook);
}

export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  return removeWebhook(request, (await params).webhook);
}

export const GET = methodNotAllowed("PATCH", "DELETE");
export const POST = GET;
export const PUT = GET;
