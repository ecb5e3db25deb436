// A product page (/s/<id>/…, its Server Actions included; and a rep's shoulder view of it) that reaches a node without the sandbox's file is handed,
// by the front door, to the node that has it (its row says which; its heartbeat says it is alive). Proxying rather
// than redirecting: a Server Action's POST body and a request sent straight to a node's port arrive whole, and
// the visitor never sees a node's address. The answer sets the load balancer's cookie (oh_node, kept by HAProxy's
// `preserve`), so the visitor's next request goes straight to the owner. A request that was handed on once is
// never handed on again: if it lands on a node without the file, that is a 503 to retry, never a retirement.
import "server-only";
import fs from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { NodeRow, Sandbox } from "@/db/control/schema";
import { sandboxOpenTo } from "@/db/queries/shared-copies";
import { latestLiveSandboxOf } from "@/db/queries/shoulder-views";
import { clientIpHeaderName } from "@/lib/http/client-ip";
import { cookieFromHeader } from "@/lib/http/cookies";
import { nodeCookieName } from "@/lib/runtime/node-identity";
import { runtime } from "@/lib/runtime/runtime";
import { sandboxFile } from "@/lib/sandbox/files";
import { isWellFormedId } from "@/lib/sandbox/ids";
import { verifyVisitorCookie, visitorCookieName } from "@/lib/visitors/visitor-cookie";
import { sandboxWhereabouts } from "./whereabouts";

/** Names the node that handed a request on; on the answer too, so an operator sees the extra hop. */
export const forwardedByHeaderName = "x-openhouse-forwarded-by";

/** A node that does not accept the connection within this long is not answering (killed, or not yet out of rotation). */
const connectTimeoutMs = 2000;

// Hop-by-hop headers belong to one connection, never to the next one.
const hopByHop = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);

export type Routing = { action: "serve-here" } | { action: "forward"; owner: NodeRow } | { action: "unavailable" };

function sandboxIdOf(url: string | undefined): string | undefined {
  const id = /^\/s\/([^/?#]+)(?:[/?#]|$)/.exec(url ?? "")?.[1];
  return id !== undefined && isWellFormedId(id) ? id : undefined;
}

/** A rep's "over their shoulder" page reads the prospect's latest copy, wherever it is. */
function shoulderViewVisitorOf(url: string | undefined): string | undefined {
  const id = /^\/sales\/visitors\/([^/?#]+)\/sandbox(?:[/?#]|$)/.exec(url ?? "")?.[1];
  return id !== undefined && isWellFormedId(id) ? id : undefined;
}

function isHere(sandboxId: string): boolean {
  return runtime().sandboxHandles.has(sandboxId) || fs.existsSync(sandboxFile(sandboxId));
}

/**
 * Only these may belong elsewhere: a product page (or its Server Action) for a sandbox this node has no file
 * for, and a rep's view over a prospect's shoulder (a rare page, so it may always ask).
 */
export function mayBeElsewhere(request: IncomingMessage): boolean {
  const sandboxId = sandboxIdOf(request.url);
  if (sandboxId !== undefined) return !isHere(sandboxId);
  return request.method === "GET" && shoulderViewVisitorOf(request.url) !== undefined;
}

/**
 * Where this request should be answered. Free for every request but one about a sandbox this node has no file for:
 * only then is the control plane asked whose it is. A stranger's or a made-up id is served here (a 404 from Next).
 */
export async function routeRequest(request: IncomingMessage): Promise<Routing> {
  if (!mayBeElsewhere(request)) return { action: "serve-here" };
  const sandbox = await sandboxOfRequest(request);
  if (sandbox?.status !== "live" || isHere(sandbox.id)) return { action: "serve-here" };
  const where = await sandboxWhereabouts(sandbox);
  if (where.state !== "elsewhere") return { action: "serve-here" };
  // Handed on once already and still not where the file is: the nodes disagree for a moment. Retry, lose nothing.
  if (request.headers[forwardedByHeaderName] !== undefined) return { action: "unavailable" };
  return { action: "forward", owner: where.node };
}

/**
 * The sandbox a request is about, when the caller may know of it: the visitor's own (or joined) copy for a product
 * page; for the shoulder view, the prospect's latest live copy (the owner's page then checks the rep's role).
 */
async function sandboxOfRequest(request: IncomingMessage): Promise<Sandbox | undefined> {
  const sandboxId = sandboxIdOf(request.url);
  if (sandboxId === undefined) {
    const prospect = shoulderViewVisitorOf(request.url);
    return prospect ? latestLiveSandboxOf(prospect) : undefined;
  }
  const visitorId = verifyVisitorCookie(cookieFromHeader(request.headers.cookie, visitorCookieName));
  return visitorId ? sandboxOpenTo(sandboxId, visitorId) : undefined;
}

/** Hands the request to `owner` and streams its answer back (pages, Server Actions and live streams alike). */
export function forwardToOwner(request: IncomingMessage, response: ServerResponse, owner: NodeRow): void {
  const { nodeName } = runtime().config;
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(request.headers)) if (!hopByHop.has(name) && value !== undefined) headers[name] = value;
  headers[forwardedByHeaderName] = nodeName;
  // The owner reads the client from x-forwarded-for (CLIENT_IP_HEADER on every node): the address this node
  // already settled on, not a value the client may have made up.
  const client = request.headers[clientIpHeaderName];
  if (typeof client === "string") headers["x-forwarded-for"] = client;
  const upstream = http.request(`${owner.url}${request.url ?? "/"}`, { method: request.method, headers, agent: forwardingAgent() });
  const connectTimer = setTimeout(
    () => upstream.destroy(new Error(`node ${owner.name} did not accept within ${connectTimeoutMs} ms`)),
    connectTimeoutMs,
  );
  upstream.once("socket", (socket) => {
    if (!socket.connecting) clearTimeout(connectTimer);
    else socket.once("connect", () => clearTimeout(connectTimer));
  });
  upstream.on("response", (answer) => {
    clearTimeout(connectTimer);
    // The owner's own headers, whole: its content security policy carries the nonce its page's scripts use.
    for (const name of response.getHeaderNames()) response.removeHeader(name);
    for (const [name, value] of Object.entries(answer.headers))
      if (!hopByHop.has(name) && value !== undefined) response.setHeader(name, value);
    const cookies = answer.headers["set-cookie"] ?? [];
    response.setHeader("set-cookie", [...cookies, `${nodeCookieName}=${owner.name}; Path=/; HttpOnly; SameSite=Lax`]);
    response.setHeader(forwardedByHeaderName, nodeName);
    response.writeHead(answer.statusCode ?? 502);
    answer.pipe(response);
  });
  upstream.on("error", (error) => {
    clearTimeout(connectTimer);
    console.error(`openhouse: could not hand a request to node ${owner.name} (${owner.url}): ${error.message}`);
    if (!response.headersSent) answerUnavailable(request, response);
    else response.destroy();
  });
  // The visitor left (a closed tab, an ended live stream): the owner stops working for nobody.
  response.on("close", () => {
    if (!response.writableFinished) upstream.destroy();
  });
  request.pipe(upstream);
}

/** The request's own path and query, safe inside an HTML attribute (a "Try again" link to the same place). */
function escapedPath(url: string | undefined): string {
  const path = (url ?? "/").startsWith("/") && !(url ?? "").startsWith("//") ? (url ?? "/") : "/";
  return path.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * 503 with Retry-After: the copy is on another node that cannot be reached right now (killed and not yet known
 * dead, or the nodes disagreeing for a moment). Nothing is retired; the next try lands once the nodes agree. The page
 * offers a link to try again rather than reloading itself on a timer, which fails WCAG 2.2.1 (axe: meta-refresh).
 */
export function answerUnavailable(request: IncomingMessage, response: ServerResponse): void {
  const message = "Your demo copy is on a server that is not answering right now. Please try again in a few seconds.";
  const wantsPage = request.method === "GET" && (request.headers.accept ?? "").includes("text/html");
  response.setHeader("retry-after", "2");
  response.setHeader("cache-control", "no-store");
  if (!wantsPage) {
    response.writeHead(503, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: message }));
    return;
  }
  response.writeHead(503, { "content-type": "text/html; charset=utf-8" });
  response.end(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>One moment, please — Openhouse</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#111827}</style>
</head>
<body><main id="main"><h1>One moment, please</h1><p>${message}</p><p>Your work in the demo is kept.</p>
<p><a href="${escapedPath(request.url)}">Try again</a></p></main></body>
</html>`);
}

function forwardingAgent(): http.Agent {
  return runtime().shared("cluster.forwarding-agent", () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    runtime().onClose(() => agent.destroy());
    return agent;
  });
}
