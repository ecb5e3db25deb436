// POST /embed/demo/<slug>/start — "Start the demo" on a poster: checks the frame keeps cookies (lib/embed/start-embed.ts).
import { startEmbeddedDemo } from "@/lib/embed/start-embed";

export async function POST(request: Request, context: { params: Promise<{ demo: string }> }): Promise<Response> {
  return startEmbeddedDemo((await context.params).demo, request);
}
