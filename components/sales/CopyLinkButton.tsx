"use client";
// Copies a share link's full address: this site's origin, read in the browser when clicked, and its path.
import { CopyButton } from "@/components/CopyButton";

export function CopyLinkButton({ path, label = "Copy link" }: { path: string; label?: string }) {
  return (
    <CopyButton
      text={() => new URL(path, window.location.origin).toString()}
      label={label}
      fallback={(url) => `Copy this address: ${url}`}
    />
  );
}
