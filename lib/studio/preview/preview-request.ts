// Next.js glue: the signed-in member's own studio preview, for the product pages under /s/<sandbox>.
// Only an id that names a preview costs a session check, so prospects' 404s stay as cheap as before.
import "server-only";
import { mayUse } from "@/lib/auth/roles";
import { currentTeamMember } from "@/lib/auth/team-session";
import { isPreviewSandbox, type OwnedPreview, openMemberPreview } from "./preview-sandboxes";

export async function memberPreviewFromRequest(sandboxId: unknown): Promise<OwnedPreview | undefined> {
  if (!(await isPreviewSandbox(sandboxId))) return undefined;
  const member = await currentTeamMember();
  // A member whose role lost the studio keeps no way into the previews they opened.
  if (!member || !mayUse(member.user.role, "studio")) return undefined;
  return openMemberPreview(sandboxId, member.user.id);
}
