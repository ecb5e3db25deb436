// POST /api/signals — a batch of usage signals from the browser.
import { readCookie } from "@/lib/http/cookies";
import { jsonError, jsonOk } from "@/lib/http/responses";
import { readJsonBody } from "@/lib/http/read-json-body";
import { verifyVisitorCookie, visitorCookieName } from "@/lib/sandbox/visitor-cookie";
import { maxBatchBytes, signalBatchSchema } from "@/lib/signals/event-schema";
import { ingestBatch } from "@/lib/signals/ingest";
import { honorsNoTracking } from "@/lib/signals/privacy";

export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, signalBatchSchema, maxBatchBytes);
  if (!body.ok) return jsonError(body.status, body.error);
  try {
    const result = ingestBatch(body.value, {
      visitorId: verifyVisitorCookie(readCookie(request, visitorCookieName)),
      linkIdentity: !honorsNoTracking(request.headers),
    });
    return jsonOk(result, 202);
  } catch (error) {
    // The database is busy or failing: the client keeps the batch and retries; ids make that safe.
    console.error("signals: ingest failed", error);
    return jsonError(503, "Could not store the events right now; retry shortly", { "retry-after": "2" });
  }
}
