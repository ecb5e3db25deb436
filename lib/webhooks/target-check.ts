// Where a webhook may point. A URL an admin types is still a way to make the server call inside its own
// network (SSRF), so the host is resolved and every address it resolves to must be public (public-address.ts),
// unless WEBHOOKS_ALLOW_PRIVATE=1 (a local test receiver). The check runs when a webhook is saved and
// again at each send, and the send connects to the address that was checked, so DNS cannot change its mind.
import "server-only";
import { lookup } from "node:dns/promises";
import net from "node:net";
import { isNonPublicAddress } from "./public-address";

export type CheckedTarget = { ok: true; url: URL; address: string; family: 4 | 6 } | { ok: false; error: string };

type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/** Parses, resolves and judges a webhook URL; `address` is what the send must connect to. */
export async function checkWebhookTarget(raw: string, options: { allowPrivate: boolean; resolve?: Resolver }): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: "That is not a web address; it starts with https://" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { ok: false, error: "A webhook address starts with https:// (or http://)" };
  if (url.username || url.password)
    return { ok: false, error: "Put no user name or password in the address; the signature proves who is calling" };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  try {
    addresses = net.isIP(host) ? [{ address: host, family: net.isIP(host) }] : await (options.resolve ?? systemResolver)(host);
  } catch {
    return { ok: false, error: `${host} could not be found (DNS); check the address` };
  }
  if (addresses.length === 0) return { ok: false, error: `${host} could not be found (DNS); check the address` };
  if (!options.allowPrivate && addresses.some((entry) => isNonPublicAddress(entry.address))) {
    return { ok: false, error: `${host} points inside a private network; webhooks only go to public addresses` };
  }
  const [first] = addresses as [{ address: string; family: number }];
  return { ok: true, url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
