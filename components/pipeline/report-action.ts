"use client";
import { track } from "@/components/signals/tracker";
// A real thing the visitor did in their sandbox: tell the tour (it may be waiting) and the signals pipeline.
import { announceSandboxAction } from "@/components/tour/actions";
import type { SandboxActionKind } from "@/lib/demos/demo-schema";

export function reportSandboxAction(kind: SandboxActionKind, demoSlug: string): void {
  track({ type: "sandbox.action", action: kind, demo: demoSlug });
  announceSandboxAction(kind);
}
