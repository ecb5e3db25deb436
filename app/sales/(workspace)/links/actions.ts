"use server";
// Revoking a link from the links page, through the one guard like every workspace entry point.
import { revalidatePath } from "next/cache";
import { AccountsError, type ActionResult } from "@/lib/accounts/errors";
import { revokeShareLink } from "@/lib/accounts/share-links";
import { requireRole } from "@/lib/auth/team-session";
import { markServerActionStarted } from "@/lib/next-workarounds/action-decode-failures";

/** Anyone can post any argument to an action id, so the token arrives as unknown and is checked here. */
export async function revokeShareLinkAction(token: unknown): Promise<ActionResult> {
  markServerActionStarted();
  const { user } = await requireRole("sales", { next: "/sales/links" });
  if (typeof token !== "string" || token.length > 64) return { error: "That is not a share link; reload the page and try again" };
  try {
    await revokeShareLink(token, user);
  } catch (error) {
    if (error instanceof AccountsError) return { error: error.message };
    throw error;
  }
  revalidatePath("/sales/links");
  return {};
}
