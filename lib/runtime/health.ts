// GET /api/health: the load balancer's check (deploy/haproxy.cfg asks it every second). It answers without the
// database, so a slow query never takes a node out of rotation, and names the node for whoever asks by hand.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";

export const healthPath = "/api/health";

export function isHealthRequest(request: IncomingMessage): boolean {
  return (request.method === "GET" || request.method === "HEAD") && (request.url ?? "").split("?")[0] === healthPath;
}

export function serveHealth(request: IncomingMessage, response: ServerResponse, nodeName: string): void {
  const body = JSON.stringify({ ok: true, node: nodeName });
  response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(request.method === "HEAD" ? undefined : body);
}
