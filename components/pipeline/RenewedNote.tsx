"use client";
// Why this visitor got a fresh sandbox (their earlier one expired or was cleared): said once, dismissible.
import { useState } from "react";

export function RenewedNote({ message }: { message: string }) {
  const [shown, setShown] = useState(true);
  if (!shown) return null;
  return (
    <div role="status" className="renewed-note card">
      <p>{message}</p>
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          setShown(false);
          // Drop ?renewed= so a reload does not say it again.
          window.history.replaceState(null, "", window.location.pathname);
        }}
      >
        Dismiss
      </button>
    </div>
  );
}
