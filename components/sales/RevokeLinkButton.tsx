"use client";
// Revokes a share link; whoever opens it later still gets the demo, just not tied to the account.
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/accounts/errors";

export function RevokeLinkButton(props: { token: string; account: string; revoke: (token: string) => Promise<ActionResult> }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | undefined>();
  return (
    <span>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        aria-label={`Revoke the link for ${props.account}`}
        onClick={() =>
          startTransition(async () => {
            const result = await props.revoke(props.token).catch(() => ({ error: "Could not reach the server; try again" }));
            setError(result.error);
          })
        }
      >
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {error ? (
        <span className="error-text" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
