// The studio frame (marketers and admins). Each page still runs the guard itself: layouts and pages render in
// parallel, and a layout is skipped on client-side navigation.
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { TeamHeader } from "@/components/sales/TeamHeader";
import { mayUse } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/team-session";
import "@/components/sales/sales.css";
import "@/components/studio/studio.css";

export const metadata: Metadata = { title: "Demo studio", robots: { index: false, follow: false } };

export default async function StudioLayout({ children }: { children: ReactNode }) {
  const { user } = await requireRole("studio");
  return (
    <>
      <TeamHeader
        area="Studio"
        home="/studio"
        navLabel="Studio"
        email={user.email}
        crossLink={mayUse(user.role, "sales") ? { href: "/sales", label: "Sales workspace" } : undefined}
      >
        <Link href="/studio">Demos</Link>
      </TeamHeader>
      <main id="main" className="page sales-page">
        {children}
      </main>
    </>
  );
}
