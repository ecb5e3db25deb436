// The header of the team's areas (/sales, /studio): the area's name, its navigation, who is signed in, sign-out.
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "./SignOutButton";

export function TeamHeader({
  area,
  home,
  navLabel,
  email,
  children,
}: {
  area: string;
  home: string;
  navLabel: string;
  email: string;
  children: ReactNode;
}) {
  return (
    <header className="sales-header">
      <Link href={home} className="sales-brand">
        Openhouse <span>{area}</span>
      </Link>
      <nav aria-label={navLabel} className="sales-nav">
        {children}
      </nav>
      <span className="sales-account">
        <span className="muted">Signed in as {email}</span>
        <SignOutButton />
      </span>
    </header>
  );
}
