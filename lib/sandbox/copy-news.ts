// Telling the other people of a shared copy that it changed, so their open pages show it without a reload:
// one stored live event on each one's own stream (visitor:<id>), committed before it is told, replayed to a tab
// that reconnects. Said as the copy's people see each other: "A colleague moved ‘Globex renewal’ to Won", by the
// name they typed if they did, and "Someone" for a person who asked not to be tracked.
import "server-only";
import { type MemberRow, membersOf } from "@/db/queries/shared-copies";
import { describeAction } from "@/lib/insights/describe-action";
import { type PendingLive, publishLive } from "@/lib/live/hub";
import type { RecordedAction } from "@/lib/pipeline/action-state";

/** How a write is told to the copy's other people: by the name they typed, else "A colleague"; "Someone" for GPC. */
export function actorName(member: Pick<MemberRow, "displayName" | "doNotTrack"> | undefined): string {
  if (!member || member.doNotTrack) return "Someone";
  return member.displayName ?? "A colleague";
}

/** Tells everyone in the copy but `actorVisitorId` what they did (`did`: "moved ‘Globex renewal’ to Won"). */
export async function tellCopy(sandboxId: string, actorVisitorId: string, did: string, at = new Date()): Promise<void> {
  const members = await membersOf(sandboxId);
  const others = members.filter((member) => member.visitorId !== actorVisitorId);
  if (others.length === 0) return;
  const notice = `${actorName(members.find((member) => member.visitorId === actorVisitorId))} ${did}`;
  const events = others.map(
    (member): PendingLive => ({
      topic: `visitor:${member.visitorId}`,
      type: "copy.changed",
      payload: { sandboxId, notice, at: at.getTime() },
    }),
  );
  await publishLive(events);
}

/** A recorded write, told to the copy's other people. A failure is logged: the write itself has committed. */
export async function tellCopyOfWrite(sandboxId: string, actorVisitorId: string, action: RecordedAction): Promise<void> {
  try {
    await tellCopy(sandboxId, actorVisitorId, describeAction(action.kind, action.detail));
  } catch (error) {
    console.error("openhouse: could not tell a shared copy of a change", error);
  }
}
