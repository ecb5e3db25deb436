// GET /api/conversation — the visitor's thread and whether anyone is here; POST — send a message (no form:
// the visitor cookie is the only identity). Updates arrive on GET /api/live/visitor.
import { getConversation, postConversationMessage } from "@/lib/conversations/visitor-api";
import { methodNotAllowed } from "@/lib/http/responses";

export const GET = getConversation;
export const POST = postConversationMessage;
export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = PUT;
export const DELETE = PUT;
