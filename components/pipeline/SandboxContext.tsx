"use client";
// Which sandbox and demo the product pages are showing, for client components that report actions.
import { createContext, type ReactNode, useContext, useEffect } from "react";
import { setTrackingSandbox, track } from "@/components/signals/tracker";

type SandboxInfo = { sandboxId: string; demoSlug: string };

const SandboxContext = createContext<SandboxInfo | undefined>(undefined);

/** Rendered as the provider's first child: React runs effects child-first, in order, so "demo viewed"
 * is recorded before anything the page below it (the tour) records. */
function DemoViewed({ sandboxId, demoSlug }: SandboxInfo) {
  useEffect(() => {
    setTrackingSandbox(sandboxId);
    track({ type: "demo.viewed", demo: demoSlug });
  }, [sandboxId, demoSlug]);
  return null;
}

export function SandboxProvider({ sandboxId, demoSlug, children }: SandboxInfo & { children: ReactNode }) {
  return (
    <SandboxContext.Provider value={{ sandboxId, demoSlug }}>
      <DemoViewed sandboxId={sandboxId} demoSlug={demoSlug} />
      {children}
    </SandboxContext.Provider>
  );
}

export function useSandbox(): SandboxInfo {
  const info = useContext(SandboxContext);
  if (!info) throw new Error("useSandbox outside SandboxProvider");
  return info;
}
