// Next 16 answers a Server Action request whose arguments React cannot decode (a forged reference such as
// "$Q1", bound arguments naming parts the body lacks, …) with a 500, before any of our code runs: the sender's
// fault reported as ours. Checking React's private, version-specific reply format ourselves would be fragile.
// Instead `npm start` runs each request that may be an action in a context our actions mark as they begin; a
// 5xx from a request whose action never began becomes a 400. A 5xx after an action began is a real fault of
// ours, and stays a 5xx.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorPageHtml } from "@/lib/http/error-page";
import { type ActionContext, runtime } from "@/lib/runtime/runtime";
import type { Refusal } from "./undecodable-path";

/** The front door and the app's bundle are separate copies of this module; the runtime is what they share. */
function actionContexts() {
  return runtime().actionContexts;
}

/** The first thing every Server Action does: from here on, a failure is ours. */
export function markServerActionStarted(): void {
  const context = actionContexts().getStore();
  if (context) context.started = true;
}

/** What Next may treat as a Server Action: a POST with a Next-Action header, or a multipart POST. */
export function mayBeServerActionRequest(request: Pick<IncomingMessage, "method" | "headers">): boolean {
  if (request.method !== "POST") return false;
  return request.headers["next-action"] !== undefined || (request.headers["content-type"] ?? "").startsWith("multipart/form-data");
}

function undecodableAction(request: Pick<IncomingMessage, "headers">): Refusal {
  const noStore = { "cache-control": "no-store" };
  // The product's pages call actions with fetch and read JSON; a person who posted a form reads a page.
  if (request.headers["next-action"] !== undefined) {
    return {
      status: 400,
      headers: { ...noStore, "content-type": "application/json" },
      body: JSON.stringify({ error: "The Server Action's arguments could not be read" }),
    };
  }
  const page = {
    heading: "That form could not be read",
    explanation: "It arrived incomplete or garbled. Go back, reload the page, and try again.",
  };
  return { status: 400, headers: { ...noStore, "content-type": "text/html; charset=utf-8" }, body: errorPageHtml(page) };
}

/**
 * Runs `handle` for one request. When it may be a Server Action, a 5xx written before any action began is
 * replaced, headers and body, by a 400 — whether Next calls writeHead, or sets statusCode and writes.
 */
export function handleGuardingServerActions(request: IncomingMessage, response: ServerResponse, handle: () => unknown): void {
  if (!mayBeServerActionRequest(request)) {
    handle();
    return;
  }
  const context: ActionContext = { started: false };
  const writeHead = response.writeHead.bind(response) as (status: number, headers?: Record<string, string>) => ServerResponse;
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  let refusal: Refusal | undefined;

  const refuseIfUndecodable = (status: number) => {
    if (refusal || response.headersSent || status < 500 || context.started) return;
    refusal = undecodableAction(request);
    console.warn(`openhouse: a Server Action request to ${request.url?.split("?")[0]} could not be decoded; answered 400, not ${status}`);
    for (const name of response.getHeaderNames()) response.removeHeader(name);
    writeHead(refusal.status, { ...refusal.headers, "content-length": String(Buffer.byteLength(refusal.body)) });
  };
  const callbackOf = (args: unknown[]) => args.find((arg): arg is () => void => typeof arg === "function");

  Object.assign(response, {
    writeHead(status: number, ...rest: unknown[]) {
      refuseIfUndecodable(status);
      return refusal ? response : (writeHead as (...args: unknown[]) => ServerResponse)(status, ...rest);
    },
    write(...args: unknown[]) {
      refuseIfUndecodable(response.statusCode);
      if (!refusal) return write(...args);
      callbackOf(args)?.();
      return true;
    },
    end(...args: unknown[]) {
      refuseIfUndecodable(response.statusCode);
      if (!refusal) return end(...args);
      if (!response.writableEnded) end(refusal.body);
      callbackOf(args)?.();
      return response;
    },
  });
  actionContexts().run(context, handle);
}
