"use client";
// The team's email + password form: posts to better-auth, says in words why a sign-in failed, then
// goes on to `next` (re-checked here, since a prop is only as safe as whoever renders it).
import { type FormEvent, useId, useState } from "react";
import { safeNextPath } from "@/lib/auth/next-path";
import styles from "./SignInForm.module.css";

const failures = {
  credentials: "Wrong email or password",
  tooMany: "Too many attempts — wait a few seconds",
  origin:
    "Sign-in is not allowed from this address. Use the team's usual Openhouse address, or ask whoever runs it to add this one to PUBLIC_ORIGINS.",
  network: "Could not reach Openhouse — check your connection and try again",
  server: "Sign-in failed on our side — try again in a moment",
} as const;

type Failure = keyof typeof failures;

async function signIn(email: string, password: string): Promise<Failure | null> {
  let response: Response;
  try {
    response = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
      credentials: "same-origin",
    });
  } catch {
    return "network";
  }
  if (response.ok) return null;
  // 400 is a malformed email, which to the person is the same mistake as a wrong one.
  if (response.status === 400 || response.status === 401) return "credentials";
  if (response.status === 429) return "tooMany";
  if (response.status === 403) return "origin";
  return "server";
}

export function SignInForm({ next }: { next: string }) {
  const id = useId();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setFailure(null);
    const result = await signIn(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
    if (result) {
      setFailure(result);
      setBusy(false);
      return;
    }
    // A full load, so the proxy and server components see the new cookie and no cached redirect is reused.
    window.location.assign(safeNextPath(next));
  }

  const errorId = `${id}-error`;
  const invalid = failure === "credentials";
  return (
    // method="post": if someone submits before hydration, the password goes in a body, never a URL.
    <form method="post" className={styles.form} onSubmit={onSubmit}>
      <div className={styles.field}>
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          // "username" is what password managers look for on a sign-in form, even when it is an email.
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          required
          aria-invalid={invalid || undefined}
          aria-describedby={failure ? errorId : undefined}
        />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={invalid || undefined}
          aria-describedby={failure ? errorId : undefined}
        />
      </div>
      {/* Always in the DOM so screen readers are already watching it when a message appears. */}
      <p id={errorId} role="alert" className={styles.error}>
        {failure ? failures[failure] : null}
      </p>
      <button type="submit" className={`button ${styles.submit}`} aria-disabled={busy || undefined}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
