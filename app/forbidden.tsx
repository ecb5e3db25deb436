// What a signed-in team member sees when their role may not use a page (forbidden() in the guard): which
// role they have, who the area is for, and how to change that. Answered with 403.
import { headers } from "next/headers";
import Link from "next/link";
import { SignOutButton } from "@/components/sales/SignOutButton";
import { requestedPathHeader } from "@/lib/auth/next-path";
import { mayUse, permissionForPath } from "@/lib/auth/roles";
import { currentTeamMember, roleRefusalMessage } from "@/lib/auth/team-session";
import "@/components/sales/sales.css";

// The shoulder view refuses visitors who asked not to be tracked (lib/shoulder-view/shoulder-view.ts).
const shoulderViewPath = /^\/sales\/visitors\/[^/]+\/sandbox\/?$/;

export default async function Forbidden() {
  const member = await currentTeamMember();
  const requested = (await headers()).get(requestedPathHeader) ?? "/sales";
  const path = requested.split("?")[0] ?? "/sales";
  const permission = permissionForPath(path);
  if (member && mayUse(member.user.role, "sales") && shoulderViewPath.test(path)) {
    return (
      <main id="main" className="page">
        <h1>This visitor can’t be viewed</h1>
        <p data-testid="shoulder-private">
          Their browser sent Global Privacy Control or Do-Not-Track, so what they do is only counted, never linked to them — and their demo
          copy is never shown to the team.
        </p>
        <p>
          <Link href="/sales">Back to the sales workspace</Link>
        </p>
      </main>
    );
  }
  return (
    <main id="main" className="page">
      <h1>Your role can’t see this page</h1>
      <p data-testid="role-refusal">
        {member ? roleRefusalMessage(member.user.role, permission) : "This page is for team members whose role allows it."}
      </p>
      {member ? (
        <p className="muted">
          Signed in as {member.user.email}. <SignOutButton />
        </p>
      ) : null}
      <p>{member?.user.role !== "marketer" && permission === "team" ? <Link href="/sales">Back to the sales workspace</Link> : null}</p>
      {member && permission !== "studio" && mayUse(member.user.role, "studio") ? (
        <p>
          <Link href="/studio">Go to the demo studio</Link>
        </p>
      ) : null}
    </main>
  );
}
