// Reads an API's answer through its contract, for the pages: the value when the status says success and the
// body fits the schema; otherwise the API's own sentence (`{error}`), when it sent one. Never throws on a body
// that is not JSON or not the expected shape: an old tab talking to a newer server says it could not, and goes on.
import * as z from "zod/mini";

const refusalSchema = z.object({ error: z.string() });

export type Answer<Value> = { ok: true; value: Value } | { ok: false; status: number; error?: string };

export async function readAnswer<Value>(response: Response, schema: z.ZodMiniType<Value>): Promise<Answer<Value>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok) {
    const parsed = schema.safeParse(body);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, status: response.status };
  }
  const refusal = refusalSchema.safeParse(body);
  return { ok: false, status: response.status, ...(refusal.success ? { error: refusal.data.error } : {}) };
}
