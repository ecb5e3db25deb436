"use client";
// Copies a text to the clipboard and says so, for screen readers too; where the clipboard is refused (an
// insecure origin, a denied permission) it tells the person how to copy it by hand.
import { useState } from "react";

export function CopyButton({ text, label, fallback }: { text: () => string; label: string; fallback: (text: string) => string }) {
  const [status, setStatus] = useState("");
  async function copy() {
    const value = text();
    try {
      await navigator.clipboard.writeText(value);
      setStatus("Copied");
    } catch {
      setStatus(fallback(value));
    }
  }
  return (
    <span className="copy-link">
      <button type="button" className="button secondary" onClick={copy}>
        {label}
      </button>
      <span role="status" className="muted">
        {status}
      </span>
    </span>
  );
}
