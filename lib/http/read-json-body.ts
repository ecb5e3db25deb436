// Reads a request body as JSON with a hard size limit, deciding "too large" from Content-Length
// before reading when it can, and stopping mid-stream when it cannot. Works on a web Request
// (Next route handlers) and on a raw node:http request (the lean path in scripts/start.ts) alike.
import type { z } from "zod";

export type BodyResult<T> =
  | { ok: true; value: T }
  /** `fields`: for a body the schema refused, each top-level field's first problem, so a form can show it there. */
  | { ok: false; status: number; error: string; fields?: Record<string, string> };

export type RawBody = {
  contentType: string | null | undefined;
  contentLength: string | null | undefined;
  chunks: AsyncIterable<Uint8Array> | null;
};

export type JsonBodyOptions = {
  /**
   * Also read a text/plain body as JSON: only for the signals beacon (navigator.sendBeacon cannot send JSON
   * without a CORS preflight) and React's Server Action calls. Every JSON API refuses it, since a page on
   * another site may post text/plain without asking first.
   */
  plainText?: boolean;
};

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path
    .map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`))
    .join("")
    .replace(/^\./, "");
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** A web Request's body as parseJsonBody reads it. */
export function rawBodyOf(request: Request): RawBody {
  return {
    contentType: request.headers.get("content-type"),
    contentLength: request.headers.get("content-length"),
    chunks: request.body as AsyncIterable<Uint8Array> | null,
  };
}

function fieldsOf(issues: readonly z.core.$ZodIssue[]): Record<string, string> | undefined {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field === "string") fields[field] ??= issue.message;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/** The whole body, or a 413/400 refusal; "too large" is decided from Content-Length before reading when it can. */
export async function readBodyBytes(raw: Omit<RawBody, "contentType">, maxBytes: number): Promise<BodyResult<Buffer>> {
  const declared = Number(raw.contentLength ?? "NaN");
  const tooLarge = { ok: false, status: 413, error: `Body larger than ${maxBytes} bytes` } as const;
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge;
  if (!raw.chunks) return { ok: false, status: 400, error: "Empty body" };

  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of raw.chunks) {
    size += chunk.byteLength;
    // Returning ends the iteration, which cancels the stream: the rest is never buffered.
    if (size > maxBytes) return tooLarge;
    chunks.push(chunk);
  }
  return { ok: true, value: Buffer.concat(chunks) };
}

export async function parseJsonBody<Schema extends z.ZodType>(
  raw: RawBody,
  schema: Schema,
  maxBytes: number,
  { plainText = false }: JsonBodyOptions = {},
): Promise<BodyResult<z.infer<Schema>>> {
  const type = (raw.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "application/json" && !(plainText && type === "text/plain")) {
    return { ok: false, status: 415, error: "Send JSON (Content-Type: application/json)" };
  }
  const bytes = await readBodyBytes(raw, maxBytes);
  if (!bytes.ok) return bytes;
  let json: unknown;
  try {
    json = JSON.parse(bytes.value.toString("utf8"));
  } catch {
    return { ok: false, status: 400, error: "Body is not valid JSON" };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const fields = fieldsOf(parsed.error.issues);
    return { ok: false, status: 400, error: first ? describeIssue(first) : "Invalid body", ...(fields ? { fields } : {}) };
  }
  return { ok: true, value: parsed.data };
}
