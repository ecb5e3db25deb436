// The sales team's sign-in page; someone already signed in goes straight on to where they were headed.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sales/SignInForm";
import styles from "@/components/sales/SignInForm.module.css";
import { safeNextPath } from "@/lib/auth/next-path";
import { currentTeamMember } from "@/lib/auth/team-session";

export const metadata: Metadata = { title: { absolute: "Sign in — Openhouse" }, robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  if (await currentTeamMember()) redirect(next);
  return (
    <main id="main" className={styles.screen}>
      <section className={`card ${styles.panel}`} aria-labelledby="sign-in-heading">
        <h1 id="sign-in-heading">Sign in</h1>
        <p className={styles.intro}>For the Openhouse team: see who tried which demo, and how far they got.</p>
        <SignInForm next={next} />
      </section>
    </main>
  );
}
