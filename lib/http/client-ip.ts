// The client's address, as our own server saw it. `npm start` stamps it on every request from the
// socket (or, behind a proxy, from the one header CLIENT_IP_HEADER names), overwriting whatever a
// client sent, so rate limits cannot be dodged by inventing x-forwarded-for values.
import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import { runtime } from "@/lib/runtime/runtime";

export const clientIpHeaderName = "x-openhouse-client-ip";

export function clientAddress(headers: IncomingHttpHeaders, socketAddress: string | undefined): string {
  const { clientIpHeader } = runtime().config;
  if (clientIpHeader) {
    const raw = headers[clientIpHeader];
    // A proxy that appends (x-forwarded-for) puts the address it saw last.
    const value = (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).split(",").pop()?.trim();
    if (value) return value.slice(0, 64);
  }
  return (socketAddress ?? "unknown").replace(/^::ffff:/, "");
}
