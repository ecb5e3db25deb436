// POST /api/conversation/read — the visitor has seen every reply (their panel is open).
import { markConversationRead } from "@/lib/conversations/visitor-api";
import { methodNotAllowed } from "@/lib/http/responses";

export const POST = markConversationRead;
export const GET = methodNotAllowed("POST");
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
