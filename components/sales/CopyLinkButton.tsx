"use client";
// Copies a share link's full address (this site's origin + its path), and says so for screen readers too.
import { useState } from "react";

export function CopyLinkButton({ path, label = "Copy link" }: { path: string; label?: string }) {
  const [status, setStatus] = useState("");
  async function copy() {
    const url = new URL(path, window.location.origin).toString();
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Copied");
    } catch {
      setStatus(`Copy this address: ${url}`);
    }
  }
  return (
    <span className="copy-link">
      <button type="button" className="button secondary" onClick={copy} data-url-path={path}>
        {label}
      </button>
      <span role="status" className="muted">
        {status}
      </span>
    </span>
  );
}
