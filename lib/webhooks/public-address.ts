// Whether an IP address is one a webhook may reach: public, not loopback, private, link-local (the cloud
// metadata service lives there), CGNAT, multicast, documentation or otherwise reserved. An IPv6 address that
// carries an IPv4 address inside it (mapped, compatible, translated, NAT64, 6to4, Teredo) reaches that IPv4
// address one way or another, so it is judged by it: [::127.0.0.1] is loopback, whatever its notation.
import "server-only";
import net from "node:net";

const blockedIPv4 = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blockedIPv4.addSubnet(network, prefix, "ipv4");
}

// ::/8 (where ::1, the IPv4-embedding forms and NAT64's local-use 64:ff9b:1::/48 live) is refused as a whole
// below, apart from the forms judged by their IPv4 address.
const blockedIPv6 = new net.BlockList();
for (const [network, prefix] of [
  ["100::", 64],
  ["2001:2::", 48],
  ["2001:10::", 28],
  ["2001:db8::", 32],
  ["3fff::", 20],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  blockedIPv6.addSubnet(network, prefix, "ipv6");
}

/** The 16 bytes of a valid IPv6 address, whatever its notation (zeros left out, `::`, a dotted IPv4 tail, a zone). */
export function ipv6Bytes(address: string): Uint8Array {
  const text = address.replace(/%.*$/, "").toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  const hex = dotted
    ? `${text.slice(0, dotted.index)}${((Number(dotted[1]) << 8) | Number(dotted[2])).toString(16)}:${((Number(dotted[3]) << 8) | Number(dotted[4])).toString(16)}`
    : text;
  const [head = "", tail] = hex.split("::");
  const groups = (part: string) => (part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16)));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const words = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  const bytes = new Uint8Array(16);
  words.forEach((word, index) => {
    bytes[index * 2] = word >> 8;
    bytes[index * 2 + 1] = word & 0xff;
  });
  return bytes;
}

const ipv4At = (bytes: Uint8Array, start: number, flip = 0) =>
  Array.from(bytes.subarray(start, start + 4), (byte) => byte ^ flip).join(".");
const zeros = (bytes: Uint8Array, start: number, end: number) => bytes.subarray(start, end).every((byte) => byte === 0);

/** The IPv4 addresses an IPv6 address carries, by the standard forms that embed one; empty for any other. */
export function embeddedIPv4(bytes: Uint8Array): string[] {
  const word = (index: number) => ((bytes[index * 2] ?? 0) << 8) | (bytes[index * 2 + 1] ?? 0);
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated), ::ffff:0:a.b.c.d (SIIT translated)
  if (zeros(bytes, 0, 10) && word(5) === 0xffff) return [ipv4At(bytes, 12)];
  if (zeros(bytes, 0, 12)) return [ipv4At(bytes, 12)];
  if (zeros(bytes, 0, 8) && word(4) === 0xffff && word(5) === 0) return [ipv4At(bytes, 12)];
  // 64:ff9b::a.b.c.d: NAT64's well-known prefix, which a DNS64 resolver hands an IPv6-only host for any IPv4 name.
  if (word(0) === 0x64 && word(1) === 0xff9b && zeros(bytes, 4, 12)) return [ipv4At(bytes, 12)];
  // 2002:AABB:CCDD::/48 (6to4) routes to the IPv4 address AABBCCDD.
  if (word(0) === 0x2002) return [ipv4At(bytes, 2)];
  // 2001:0::/32 (Teredo): the server's IPv4 address, then the client's, stored with every bit flipped.
  if (word(0) === 0x2001 && word(1) === 0) return [ipv4At(bytes, 4), ipv4At(bytes, 12, 0xff)];
  return [];
}

/** True for an address a webhook must not reach; anything that is not an IP address at all is refused too. */
export function isNonPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blockedIPv4.check(address, "ipv4");
  if (family !== 6) return true;
  const bytes = ipv6Bytes(address);
  const carried = embeddedIPv4(bytes);
  if (carried.length > 0) return carried.some((ipv4) => blockedIPv4.check(ipv4, "ipv4")) || blockedIPv6.check(address, "ipv6");
  // Reserved by the IETF: nothing else in ::/8 is a public address.
  if (bytes[0] === 0) return true;
  return blockedIPv6.check(address, "ipv6");
}
