// Reads a request body as JSON with a hard size limit, deciding "too large" from Content-Length
// before reading when it can, and stopping mid-stream when it cannot.
import type { z } from "zod";

export type BodyResult<T> = { ok: true; value: T } | { ok: false; status: number; error: string };

const acceptedTypes = ["application/json", "text/plain"];

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`)).join("").replace(/^\./, "");
  return where ? `${where}: ${issue.message}` : issue.message;
}

export async function readJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  maxBytes: number,
): Promise<BodyResult<z.infer<Schema>>> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  // text/plain is what navigator.sendBeacon sends without a CORS preflight.
  if (!acceptedTypes.includes(type)) return { ok: false, status: 415, error: "Send JSON (Content-Type: application/json)" };
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) {
    return { ok: false, status: 413, error: `Body larger than ${maxBytes} bytes` };
  }
  if (!request.body) return { ok: false, status: 400, error: "Empty body" };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, status: 413, error: `Body larger than ${maxBytes} bytes` };
    }
    chunks.push(value);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return { ok: false, status: 400, error: "Body is not valid JSON" };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, status: 400, error: first ? describeIssue(first) : "Invalid body" };
  }
  return { ok: true, value: parsed.data };
}
