// POST /api/conversation/suggestions/<message>/opened — the prospect chose "Show me" on a rep's suggestion.
import { openedSuggestion } from "@/lib/conversations/visitor-api";
import { methodNotAllowed } from "@/lib/http/responses";

export async function POST(request: Request, context: { params: Promise<{ message: string }> }): Promise<Response> {
  return openedSuggestion(request, (await context.params).message);
}
export const GET = methodNotAllowed("POST");
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
