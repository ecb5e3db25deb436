// GET /oembed — oEmbed for a demo's or the demo center's address (lib/embed/oembed.ts).
import { oembedAnswer } from "@/lib/embed/oembed";
import { methodNotAllowed } from "@/lib/http/responses";

export function GET(request: Request): Promise<Response> {
  return oembedAnswer(request);
}

export const POST = methodNotAllowed("GET");
