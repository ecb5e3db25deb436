// GET /embed/demo/<slug> — an embedded demo's poster (lib/embed/poster.ts).
import { nonceOf } from "@/lib/http/security-headers";
import { posterAnswer } from "@/lib/embed/poster";

export async function GET(request: Request, context: { params: Promise<{ demo: string }> }): Promise<Response> {
  return posterAnswer((await context.params).demo, request, nonceOf(request.headers.get("content-security-policy")));
}
