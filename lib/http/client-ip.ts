// The client's address, as our own server saw it. `npm start` stamps it on every request from the
// socket (or, behind a proxy, from the one header CLIENT_IP_HEADER names), overwriting whatever a
// client sent, so rate limits cannot be dodged by inventing x-forwarded-for values.
import "server-only";
import crypto from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { addressGroup } from "@/lib/http/rate-limit";
import { runtime } from "@/lib/runtime/runtime";
import { derivedSalt } from "@/lib/server-secret";

export const clientIpHeaderName = "x-openhouse-client-ip";
/** The header better-auth reads the client from (lib/auth/auth.ts): a pseudonym, never the address. */
export const clientPseudonymHeaderName = "x-openhouse-client-pseudonym";

/**
 * What stands for the client in better-auth's sign-in limit, which keys on whatever IP address it is given: a
 * unique-local IPv6 address made from a salted hash of the client's network (an IPv6 /64 counts as one, and
 * better-auth keys IPv6 by /64, so the hash sits in the first 64 bits). Like our own limiters, it keeps no raw
 * IP. The salt derives from the server secret, so every app node gives a client the same pseudonym and the
 * limit (kept in the database) counts its attempts on all of them together.
 */
export function clientPseudonym(address: string): string {
  const salt = runtime().shared("client-ip.pseudonym-salt", () => derivedSalt("client pseudonym"));
  const hash = crypto.createHmac("sha256", salt).update(addressGroup(address)).digest("hex");
  return `fd${hash.slice(0, 2)}:${hash.slice(2, 6)}:${hash.slice(6, 10)}:${hash.slice(10, 14)}::1`;
}

/**
 * The headers our server stamps on every request (the front door), overwriting any a client sent. `pseudonym`
 * false leaves that one empty: a lean path that never reaches better-auth (ingest, thousands of requests a
 * second) is spared its HMAC — 1.6% of ingest's time when every request paid for two.
 */
export function clientHeaders(
  headers: IncomingHttpHeaders,
  socketAddress: string | undefined,
  { pseudonym = true }: { pseudonym?: boolean } = {},
): Record<string, string> {
  const address = clientAddress(headers, socketAddress);
  return { [clientIpHeaderName]: address, [clientPseudonymHeaderName]: pseudonym ? clientPseudonym(address) : "" };
}

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
