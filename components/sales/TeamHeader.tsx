// The header of the team's areas (/sales, /studio): the area's name, its navigation, who is signed in, sign-out.
// `crossLink` is the other area, for a member whose role may use it (an admin sees both).
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "./SignOutButton";

export function TeamHeader({
  area,
  home,
  navLabel,
  email,
  crossLink,
  children,
}: {
  area: string;
  home: string;
  navLabel: string;
  email: string;
  crossLink?: { href: string; label: string };
  children: ReactNode;
}) {
  return (
    <header className="sales-header">
      <Link href={home} className="sales-brand">
        Openhouse <span>{area}</span>
      </Link>
      <nav aria-label={navLabel} className="sales-nav">
        {children}
        {crossLink ? (
          <>
            {" "}
            <Link href={crossLink.href}>{crossLink.label}</Link>
          </>
        ) : null}
      </nav>
      <span className="sales-account">
        <span className="muted">Signed in as {email}</span>
        <SignOutButton />
      </span>
    </header>
  );
}
