// POST /api/signals, independent of the web framework: the lean node:http path in scripts/start.ts and the
// Next route handler both call this, so the two can never answer differently.
import "server-only";
import { store } from "@/db/control-plane";
import { parseJsonBody, type RawBody } from "@/lib/http/read-json-body";
import { runtime } from "@/lib/runtime/runtime";
import { classifyUserAgent } from "@/lib/visitors/client-class";
import { verifyVisitorCookie } from "@/lib/visitors/visitor-cookie";
import { maxBatchBytes, signalBatchSchema } from "./event-schema";
import { createGroupCommitter } from "./group-commit";
import { lookUpBatch, type PreparedBatch, prepareBatch, writeBatches } from "./ingest";

export type SignalsRequest = RawBody & {
  visitorCookie: string | undefined;
  /** Sec-GPC / DNT: the visitor asked not to be tracked. */
  noTracking: boolean;
  userAgent: string | null | undefined;
  clientAddress: string;
};

export type SignalsResponse = { status: number; body: unknown; headers: Record<string, string> };

const noStore = { "cache-control": "no-store" };
const error = (status: number, message: string, headers: Record<string, string> = {}): SignalsResponse => ({
  status,
  body: { error: message },
  headers: { ...noStore, ...headers },
});

/** One committer per process, whichever copy of this module made it: group commit needs every request in one group. */
export function signalsCommitter() {
  return runtime().shared("signals.committer", () =>
    createGroupCommitter<PreparedBatch, { stored: number }>((batches) => writeBatches(batches), {
      writers: store().special.groupCommitWriters,
    }),
  );
}

export async function handleSignals(request: SignalsRequest): Promise<SignalsResponse> {
  const limiter = runtime().limiters.signals;
  if (!limiter.tryTake(request.clientAddress)) {
    return error(429, "Too many batches; slow down", {
      "retry-after": String(Math.max(1, limiter.retryAfterSeconds(request.clientAddress))),
    });
  }
  let body: Awaited<ReturnType<typeof parseJsonBody<typeof signalBatchSchema>>>;
  try {
    body = await parseJsonBody(request, signalBatchSchema, maxBatchBytes, { plainText: true });
  } catch {
    // The client went away or broke the stream mid-body: nothing was stored, nothing to retry but theirs.
    return error(400, "The request body could not be read");
  }
  if (!body.ok) return error(body.status, body.error);
  try {
    const context = {
      visitorId: verifyVisitorCookie(request.visitorCookie),
      linkIdentity: !(request.noTracking || body.value.noTracking === true),
      bot: classifyUserAgent(request.userAgent).bot,
    };
    const found = await lookUpBatch(body.value, context);
    // A studio preview is nobody's visit: its tour runs as a prospect's, and what it reports is dropped here,
    // so no funnel, score or list in /sales ever counts it. Accepted, so the tracker does not retry.
    if (found.preview) return { status: 202, body: { stored: 0 }, headers: noStore };
    const result = await signalsCommitter().submit(prepareBatch(body.value, context, found));
    return { status: 202, body: result, headers: noStore };
  } catch (failure) {
    // The database is busy or failing: the client keeps the batch and retries; ids make that safe.
    console.error("signals: ingest failed", failure);
    return error(503, "Could not store the events right now; retry shortly", { "retry-after": "2" });
  }
}
