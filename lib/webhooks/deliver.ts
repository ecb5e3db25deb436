// The outbox worker: sends due alerts, each signed, to the address its target check resolved, with a hard
// timeout, never following redirects; a failure is retried with exponential backoff, and every attempt's
// outcome stays on the row (the delivery log). A row is claimed by pushing its next attempt past the
// timeout before sending (a lease), so a second worker, process or app node skips it (db/queries/webhooks.ts).
import "server-only";
import http from "node:http";
import https from "node:https";
import type { OutboxRow, Webhook } from "@/db/control/schema";
import { claimDueOutboxRows, recordOutboxAttempt } from "@/db/queries/webhooks";
import { repeatEvery, type StopRepeating } from "@/lib/runtime/repeat";
import { runtime } from "@/lib/runtime/runtime";
import { signatureHeader, signDelivery } from "./sign";
import { escapeSlackText } from "./slack-text";
import { checkWebhookTarget } from "./target-check";

export const deliveryTimeoutMs = 5_000;
export const maxAttempts = 8;
/** How often the worker looks for due rows; alerts then arrive within a second or two of the event. */
export const workerIntervalMs = 500;
const batchSize = 10;

/** 2 s, 4 s, 8 s … capped at an hour, with up to 20% jitter so retries from many rows spread out. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(60 * 60_000, 2_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (1 + 0.2 * random()));
}

/**
 * What the receiver gets: Slack's incoming-webhook shape, its text escaped so a prospect's words cannot mention
 * a channel or forge a link; or the generic JSON, where the text is data and stays exactly as written.
 */
export function deliveryBody(row: Pick<OutboxRow, "id" | "kind" | "payload">, format: Webhook["format"]): string {
  if (format === "slack") return JSON.stringify({ text: escapeSlackText(String(row.payload.text ?? "")) });
  return JSON.stringify({ id: row.id, kind: row.kind, ...row.payload });
}

type Outcome = { ok: true; status: number } | { ok: false; status?: number; error: string };

/** One POST to the checked address; resolves within the timeout whatever the receiver does. */
export async function sendOnce(
  target: Pick<Webhook, "url" | "secret">,
  body: string,
  options: { allowPrivate: boolean; kind: string; id: number },
): Promise<Outcome> {
  const checked = await checkWebhookTarget(target.url, { allowPrivate: options.allowPrivate });
  if (!checked.ok) return { ok: false, error: checked.error };
  const { url, address, family } = checked;
  const transport = url.protocol === "https:" ? https : http;
  return new Promise<Outcome>((resolve) => {
    let settled = false;
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(outcome);
    };
    const request = transport.request(
      url,
      {
        method: "POST",
        // Connect to the address that passed the check, not whatever DNS says a moment later.
        lookup: (_host, _options, callback) => callback(null, address, family),
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "user-agent": "Openhouse-Webhooks/1",
          "openhouse-event": options.kind,
          "openhouse-delivery": String(options.id),
          [signatureHeader]: signDelivery(target.secret, body),
        },
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        // The body is not wanted; draining it lets the socket close.
        response.resume();
        if (status >= 200 && status < 300) finish({ ok: true, status });
        else if (status >= 300 && status < 400)
          finish({ ok: false, status, error: `answered ${status} (a redirect); redirects are not followed` });
        else finish({ ok: false, status, error: `answered ${status}` });
      },
    );
    // A receiver that accepts the connection and then stalls cannot hold the worker past the timeout.
    const deadline = setTimeout(() => {
      finish({ ok: false, error: `no answer within ${deliveryTimeoutMs / 1000} s` });
      request.destroy();
    }, deliveryTimeoutMs);
    request.on("error", (error) => finish({ ok: false, error: error.message.slice(0, 200) }));
    request.end(body);
  });
}

/** Sends every due row once (up to a batch), in parallel; returns how many it attempted. */
export async function deliverDue(now: Date = new Date()): Promise<number> {
  // The lease outlasts an attempt (its timeout) with room to record it; a node that dies mid-send leaves the
  // row to whichever node claims it after the lease.
  const claimed = await claimDueOutboxRows(now, batchSize, new Date(now.getTime() + deliveryTimeoutMs * 3));
  const allowPrivate = runtime().config.webhooksAllowPrivate;
  await Promise.all(
    claimed.map(async ({ row, hook }) => {
      const outcome: Outcome = hook.enabled
        ? await sendOnce(hook, deliveryBody(row, hook.format), { allowPrivate, kind: row.kind, id: row.id })
        : { ok: false, error: "the webhook is turned off" };
      const attempts = row.attempts + 1;
      const finishedAt = new Date();
      if (outcome.ok) {
        await recordOutboxAttempt(row.id, {
          status: "delivered",
          attempts,
          lastStatus: outcome.status,
          lastError: null,
          deliveredAt: finishedAt,
        });
        return;
      }
      const givingUp = attempts >= maxAttempts || !hook.enabled;
      await recordOutboxAttempt(row.id, {
        status: givingUp ? "failed" : "pending",
        attempts,
        lastStatus: outcome.status ?? null,
        lastError: outcome.error,
        nextAttemptAt: new Date(finishedAt.getTime() + backoffMs(attempts)),
      });
    }),
  );
  return claimed.length;
}

/** The worker timer; returns its stop function (for runtime.onClose). */
export function startOutboxWorker(): StopRepeating {
  return repeatEvery(workerIntervalMs, "a webhook delivery pass", () => deliverDue());
}
