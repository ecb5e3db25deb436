// POST /embed/demo/<slug>/start — "Start the demo" on a poster: checks the frame keeps cookies (lib/embed/start-embed.ts).
// GET (the back button, a copied address) goes back to the poster, which starts nothing by itself.
import { backToPoster, startEmbeddedDemo } from "@/lib/embed/start-embed";

export async function POST(request: Request, context: { params: Promise<{ demo: string }> }): Promise<Response> {
  return startEmbeddedDemo((await context.params).demo, request);
}

export async function GET(request: Request, context: { params: Promise<{ demo: string }> }): Promise<Response> {
  return backToPoster((await context.params).demo, request);
}
