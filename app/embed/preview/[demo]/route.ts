// GET /embed/preview/<slug> — the studio's live preview: a blank page holding nothing but the demo's snippet.
import { embedPreviewAnswer } from "@/lib/embed/snippet-preview";

export async function GET(request: Request, context: { params: Promise<{ demo: string }> }): Promise<Response> {
  return embedPreviewAnswer((await context.params).demo, request);
}
