// Server Action requests that Next 16 answers with a 500 although the fault is the sender's: a body over its
// 1 MB action limit, a multipart body it cannot parse, a fetch-action body that is not a JSON argument list.
// proxy.ts screens only requests that can be an action (a Next-Action header, or a multipart POST), so ordinary
// pages never pay for the body read. One posted from another site never gets here: the front door refuses
// every write that is not from this app's own pages (lib/http/write-requests.ts).
import { z } from "zod";
import { htmlError, type RefusalPage } from "@/lib/http/error-page";
import { parseJsonBody, type RawBody, readBodyBytes } from "@/lib/http/read-json-body";
import { jsonError } from "@/lib/http/responses";

/** Next's default `serverActions.bodySizeLimit`, which next.config.ts leaves as it is. */
export const actionBodyLimitBytes = 1024 * 1024;

// React encodes a fetch action's arguments as one JSON list when none of them needs a multipart body.
const argumentList = z.array(z.unknown(), { error: "A Server Action body is a JSON list of arguments" });

const pages = {
  tooLarge: {
    heading: "That was too much to send",
    explanation: "The form was larger than a demo accepts (1 MB). Go back, send less, and try again.",
  },
  unreadable: {
    heading: "That form could not be read",
    explanation: "It arrived incomplete or garbled. Go back, reload the page, and try again.",
  },
} satisfies Record<string, RefusalPage>;

/** What Next treats as a possible Server Action: a POST with a Next-Action header, or a multipart POST. */
export function mayBeServerAction(request: Request): boolean {
  if (request.method !== "POST") return false;
  return request.headers.has("next-action") || (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
}

async function isReadableForm(body: Buffer, contentType: string): Promise<boolean> {
  try {
    // The same parser (undici's) Next uses for a form posted without JavaScript.
    await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    return true;
  } catch {
    return false;
  }
}

/** A 4xx for a Server Action request Next would fail on, or undefined to let Next handle it. */
export async function screenServerActionRequest(request: Request): Promise<Response | undefined> {
  if (!mayBeServerAction(request)) return undefined;
  // The product's own pages call actions with fetch and read JSON errors; a person posted a form and reads a page.
  const refuse = (status: number, error: string, page: RefusalPage) =>
    request.headers.has("next-action") ? jsonError(status, error) : htmlError(status, page);
  const contentType = request.headers.get("content-type") ?? "";
  const raw: RawBody = {
    contentType,
    contentLength: request.headers.get("content-length"),
    chunks: request.body as AsyncIterable<Uint8Array> | null,
  };
  if (contentType.startsWith("multipart/form-data")) {
    const bytes = await readBodyBytes(raw, actionBodyLimitBytes);
    if (!bytes.ok) return refuse(bytes.status, bytes.error, bytes.status === 413 ? pages.tooLarge : pages.unreadable);
    if (!(await isReadableForm(bytes.value, contentType))) return refuse(400, "The form data could not be read", pages.unreadable);
    return undefined;
  }
  // Next never runs a url-encoded post as an action (it answers 404 itself).
  if (contentType.startsWith("application/x-www-form-urlencoded")) return undefined;
  const args = await parseJsonBody(raw, argumentList, actionBodyLimitBytes, { plainText: true });
  return args.ok ? undefined : refuse(args.status, args.error, pages.unreadable);
}
