// Who holds the live streams open in this process, so no one client can take what is meant for everyone.
// - One person (a visitor's cookie, a team member's session) holds at most LIVE_STREAMS_PER_PERSON: a new tab past
//   it closes that person's oldest stream, telling it why ("superseded"), and the old tab stops reconnecting and
//   says so. The newest tab is the one they are looking at; the oldest is often a tab left behind, or a socket
//   a sleeping laptop never closed. Refusing the new tab instead would leave the one in front of them dead,
//   and closing without a reason would have the old tab reconnect and push out the next, round and round.
// - One client address holds at most LIVE_STREAMS_PER_ADDRESS prospect streams, whoever's cookies they carry: past
//   it a new one is refused (429), so nobody's open stream is taken by someone else's.
import "server-only";
import crypto from "node:crypto";
import { clientKey } from "@/lib/http/rate-limit";
import { runtime } from "@/lib/runtime/runtime";

/** An open stream as its holders see it: ended with a last word when a newer one of the same person replaces it. */
export type HeldStream = { supersede(): void };

type Holders = Map<string, Set<HeldStream>>;

function holders(kind: "person" | "address"): Holders {
  return runtime().shared(`live.holders.${kind}`, () => new Map<string, Set<HeldStream>>());
}

/** A client address as the holders key it: a salted hash, never the address itself, even in memory. */
export function addressHolder(address: string): string {
  return clientKey(
    address,
    runtime().shared("live.address-salt", () => crypto.randomBytes(16)),
  );
}

function add(map: Holders, key: string, stream: HeldStream): () => void {
  const held = map.get(key) ?? new Set<HeldStream>();
  if (held.size === 0) map.set(key, held);
  held.add(stream);
  return () => {
    held.delete(stream);
    if (held.size === 0 && map.get(key) === held) map.delete(key);
  };
}

/** Streams `person` holds open now. */
export function streamsHeldBy(person: string): number {
  return holders("person").get(person)?.size ?? 0;
}

/** People ("visitor:…", "member:…") holding a stream now. */
export function peopleHoldingStreams(): string[] {
  return [...holders("person").keys()];
}

/** Whether `address` may open another prospect stream. */
export function addressMayOpen(address: string): boolean {
  return (holders("address").get(addressHolder(address))?.size ?? 0) < runtime().config.liveStreamsPerAddress;
}

/**
 * Records a new stream of `person` (and of `address`, for a prospect's), first superseding that person's oldest
 * streams past the cap. Returns the release to call when the stream closes (calling it twice is harmless).
 */
export function holdStream(stream: HeldStream, person: string, address?: string): () => void {
  const people = holders("person");
  const own = people.get(person);
  const cap = Math.max(1, runtime().config.liveStreamsPerPerson);
  while (own && own.size >= cap) {
    const [oldest] = own;
    if (!oldest) break;
    own.delete(oldest);
    oldest.supersede();
  }
  const releasePerson = add(people, person, stream);
  const releaseAddress = address === undefined ? undefined : add(holders("address"), addressHolder(address), stream);
  return () => {
    releasePerson();
    releaseAddress?.();
  };
}
