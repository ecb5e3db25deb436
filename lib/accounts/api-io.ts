// The workspace APIs' two edges: a JSON body read with a size cap, and the one error shape — `{error}` plus
// the `field` it is about, so a form can show the message beside that field. Never a 500 for bad input.
import "server-only";
import { TeamError } from "@/lib/auth/team";
import { readBodyBytes } from "@/lib/http/read-json-body";
import { AccountsError } from "./errors";

const maxBodyBytes = 16 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

function refusal(status: number, error: string, field?: string): Response {
  return Response.json(field ? { error, field } : { error }, { status, headers: { "cache-control": "no-store" } });
}

export async function readJsonBody(request: Request): Promise<JsonBody> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") return { ok: false, response: refusal(415, "Send JSON (Content-Type: application/json)") };
  const bytes = await readBodyBytes(
    { contentLength: request.headers.get("content-length"), chunks: request.body as AsyncIterable<Uint8Array> | null },
    maxBodyBytes,
  );
  if (!bytes.ok) return { ok: false, response: refusal(bytes.status, bytes.error) };
  try {
    const value: unknown = JSON.parse(bytes.value.toString("utf8"));
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return { ok: false, response: refusal(400, "Send a JSON object") };
    }
    return { ok: true, value };
  } catch {
    return { ok: false, response: refusal(400, "Body is not valid JSON") };
  }
}

const teamStatus: Record<TeamError["code"], number> = { "invalid-input": 400, duplicate: 409, "not-found": 404, "last-admin": 409 };

/** The response for a domain error; anything else is rethrown (a bug, which Next logs). */
export function errorResponse(error: unknown): Response {
  if (error instanceof AccountsError) return refusal(error.status, error.message, error.field);
  if (error instanceof TeamError) return refusal(teamStatus[error.code], error.message, error.field);
  throw error;
}

/** Runs a domain call, answering its refusals in the one error shape. */
export async function answer(run: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return errorResponse(error);
  }
}
