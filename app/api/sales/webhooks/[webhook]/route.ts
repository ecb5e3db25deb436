// PATCH /api/sales/webhooks/<id> — turn on or off; DELETE — remove (admins only).
import { roleOrRefusal } from "@/lib/auth/team-session";
import { methodNotAllowed } from "@/lib/http/responses";
import { patchWebhook, removeWebhook } from "@/lib/webhooks/admin-api";

type Params = { params: Promise<{ webhook: string }> };

export async function PATCH(request: Request, { params }: Params): Promise<Response> {
  const admin = await roleOrRefusal(request, "webhooks");
  return admin instanceof Response ? admin : await patchWebhook(request, (await params).webhook);
}

export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  const admin = await roleOrRefusal(request, "webhooks");
  return admin instanceof Response ? admin : await removeWebhook((await params).webhook);
}

export const GET = methodNotAllowed("PATCH", "DELETE");
export const POST = GET;
export const PUT = GET;
