// POST /api/conversation/typing — "the prospect is typing", to the team's streams only, never stored.
import { visitorTyping } from "@/lib/conversations/visitor-api";
import { methodNotAllowed } from "@/lib/http/responses";

export const POST = visitorTyping;
export const GET = methodNotAllowed("POST");
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
