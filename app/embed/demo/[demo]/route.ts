// GET /embed/demo/<slug> — an embedded demo's poster (lib/embed/poster.ts).

import { posterAnswer } from "@/lib/embed/poster";
import { nonceOf } from "@/lib/http/security-headers";

export async function GET(request: Request, context: { params: Promise<{ demo: string }> }): Promise<Response> {
  return posterAnswer((await context.params).demo, request, nonceOf(request.headers.get("content-security-policy")));
}
