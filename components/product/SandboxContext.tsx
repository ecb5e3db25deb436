"use client";
// Which sandbox and demo the product pages are showing, for client components that report actions.
import { createContext, type ReactNode, useContext, useEffect } from "react";
import { setTrackingSandbox, track } from "@/components/signals/tracker";

type SandboxInfo = { sandboxId: string; demoSlug: string };

const SandboxContext = createContext<SandboxInfo | undefined>(undefined);

export function SandboxProvider({ sandboxId, demoSlug, children }: SandboxInfo & { children: ReactNode }) {
  useEffect(() => {
    setTrackingSandbox(sandboxId);
    track({ type: "demo.viewed", demo: demoSlug });
    return () => setTrackingSandbox(undefined);
  }, [sandboxId, demoSlug]);
  return <SandboxContext.Provider value={{ sandboxId, demoSlug }}>{children}</SandboxContext.Provider>;
}

export function useSandbox(): SandboxInfo {
  const info = useContext(SandboxContext);
  if (!info) throw new Error("useSandbox outside SandboxProvider");
  return info;
}
