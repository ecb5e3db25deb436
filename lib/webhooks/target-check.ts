// Where a webhook may point. A URL an admin types is still a way to make the server call inside its own
// network (SSRF), so the host is resolved and every address it resolves to must be public: loopback,
// private, link-local (the cloud metadata service lives there), CGNAT, multicast and reserved ranges are
// refused unless WEBHOOKS_ALLOW_PRIVATE=1 (a local test receiver). The check runs when a webhook is saved and
// again at each send, and the send connects to the address that was checked, so DNS cannot change its mind.
import "server-only";
import { lookup } from "node:dns/promises";
import net from "node:net";

const blocked = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["64:ff9b::", 96],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** True for an address a webhook must not reach (IPv4-mapped IPv6 is judged as the IPv4 it maps). */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return blocked.check(mapped, "ipv4");
  const family = net.isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

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
