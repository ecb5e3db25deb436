// "2 people in this copy now": who of a shared copy's people has one of its pages open, known by their live
// stream (the product opens one in a shared copy). Told to the others whenever someone's stream opens or closes;
// ephemeral, never stored. Counts this process's streams: with several app nodes behind sticky routing a copy's
// people meet on one node only if routing keeps them together, which is the upgrade path to LISTEN/NOTIFY.
import "server-only";
import { copiesOfVisitor, membersOf } from "@/db/queries/shared-copies";
import { publishEphemeral } from "@/lib/live/hub";
import { streamsHeldBy } from "@/lib/live/stream-holders";

const isHere = (visitorId: string) => streamsHeldBy(`visitor:${visitorId}`) > 0;

/** The copy's people with a page open now, counting `viewer` (who is rendering one). */
export async function presentInCopy(sandboxId: string, viewer: string): Promise<number> {
  return (await membersOf(sandboxId)).filter((member) => member.visitorId === viewer || isHere(member.visitorId)).length;
}

/** Someone's stream opened or closed: the people of each copy they are in hear how many are here now. */
export async function tellPresence(visitorId: string): Promise<void> {
  for (const sandboxId of await copiesOfVisitor(visitorId)) {
    const members = await membersOf(sandboxId);
    if (members.length < 2) continue;
    const present = members.filter((member) => isHere(member.visitorId)).length;
    for (const member of members)
      publishEphemeral({ topic: `visitor:${member.visitorId}`, type: "copy.presence", payload: { sandboxId, present } });
  }
}
