"use client";
// Revokes a share link; whoever opens it later still gets the demo, just not tied to the account.
import { useJsonRequest } from "./use-json-request";

export function RevokeLinkButton({ token, account }: { token: string; account: string }) {
  const { send, pending, refusal } = useJsonRequest();
  return (
    <span>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        aria-label={`Revoke the link for ${account}`}
        onClick={() => void send("DELETE", `/api/sales/links/${encodeURIComponent(token)}`)}
      >
        Revoke
      </button>
      {refusal ? (
        <span className="error-text" role="alert">
          {refusal.error}
        </span>
      ) : null}
    </span>
  );
}
