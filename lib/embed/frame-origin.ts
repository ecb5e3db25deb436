// Which page an embed's frame is in, as its partitioned cookie says (set when the visitor started the demo,
// lib/embed/start-embed.ts): read by the product's layout, so its pages tell that page what happens. A value
// that is not an origin allowed to embed reads as "no embedding page": the frame then tells nobody anything.
import "server-only";
import { mayEmbed } from "./who-may-embed";

/** The frame's cookie: the embedding page's origin. Also the probe that the browser keeps cookies for the frame. */
export const frameOriginCookie = "oh_embed";

export function embeddingOriginOf(cookieValue: string | undefined, headers: Pick<Headers, "get">): string | undefined {
  if (!cookieValue || !URL.canParse(cookieValue) || new URL(cookieValue).origin !== cookieValue) return undefined;
  const protocol = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https:" : "http:";
  return mayEmbed(cookieValue, { url: `${protocol}//${headers.get("host") ?? "localhost"}/`, headers }) ? cookieValue : undefined;
}
