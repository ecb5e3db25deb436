"use client";
// Copies a text (an embed snippet) to the clipboard, and says so for screen readers too.
import { useState } from "react";

export function CopyTextButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("Copied");
    } catch {
      setStatus("Select the snippet and copy it");
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
