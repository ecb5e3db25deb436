// The rep workspace frame. Each page still runs the guard itself: layouts and pages render in parallel.
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { TeamHeader } from "@/components/sales/TeamHeader";
import { mayUse } from "@/lib/auth/roles";
import { requireTeamMember } from "@/lib/auth/team-session";
import "@/components/sales/sales.css";

export const metadata: Metadata = { title: "Sales workspace", robots: { index: false, follow: false } };

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const { user } = await requireTeamMember();
  return (
    <>
      <TeamHeader
        area="Sales"
        home="/sales"
        navLabel="Workspace"
        email={user.email}
        crossLink={mayUse(user.role, "studio") ? { href: "/studio", label: "Demo studio" } : undefined}
      >
        <Link href="/sales">Hot list</Link> <Link href="/sales/live">Live now</Link> <Link href="/sales/conversations">Conversations</Link>{" "}
        <Link href="/sales/visitors">Visitors</Link> <Link href="/sales/accounts">Accounts</Link> <Link href="/sales/funnels">Funnels</Link>{" "}
        <Link href="/sales/links">Share links</Link> <Link href="/sales/team">Team</Link> <Link href="/sales/webhooks">Webhooks</Link>
      </TeamHeader>
      <main id="main" className="page sales-page">
        {children}
      </main>
    </>
  );
}
