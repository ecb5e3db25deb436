"use client";
// Ends the rep's session: better-auth deletes it server-side and clears the cookie, then the sign-in page.
import { useState } from "react";
import { signInPath } from "@/lib/auth/next-path";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function signOut() {
    setPending(true);
    setFailed(false);
    try {
      const response = await fetch("/api/auth/sign-out", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error(String(response.status));
      window.location.assign(signInPath);
    } catch {
      setFailed(true);
      setPending(false);
    }
  }

  return (
    <span className="sign-out">
      <button type="button" className="button secondary" onClick={signOut} disabled={pending}>
        {pending ? "Signing out…" : "Sign out"}
      </button>
      {failed ? (
        <span role="alert" className="error-text">
          Could not sign out; check your connection and try again.
        </span>
      ) : null}
    </span>
  );
}
