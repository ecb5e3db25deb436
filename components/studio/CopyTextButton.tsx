"use client";
// Copies a text (an embed snippet) to the clipboard.
import { CopyButton } from "@/components/CopyButton";

export function CopyTextButton({ text, label }: { text: string; label: string }) {
  return <CopyButton text={() => text} label={label} fallback={() => "Select the snippet and copy it"} />;
}
