// GET /embed/demo/<slug>/open — the visitor's sandbox in the frame, or "open in a new tab" (lib/embed/start-embed.ts).
import { openEmbeddedDemo } from "@/lib/embed/start-embed";
import { nonceOf } from "@/lib/http/security-headers";

export async function GET(request: Request, context: { params: Promise<{ demo: string }> }): Promise<Response> {
  return openEmbeddedDemo((await context.params).demo, request, nonceOf(request.headers.get("content-security-policy")));
}
