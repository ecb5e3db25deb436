"use client";
// Mounted by the product's layout with the embedding page's origin when the server found one (the frame's
// cookie, lib/embed/frame-origin.ts): in that page's frame, the tour's events go to that page, the frame stays as
// tall as the page (one scroll bar on the host) and remembers the page for a reload of the host. On a page of
// its own it does nothing.
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { whenStorageRefused } from "@/components/tour/persistence";
import { frameCookieStorage, rememberFramePath } from "./frame-cookies";
import { embeddingOrigin, reportFrameHeight, setEmbeddingOrigin } from "./host-events";

// Set when the product page's code loads, before any effect reads the tour's progress: in a frame, a browser
// that refuses localStorage keeps the tour's progress in partitioned cookies (frame-cookies.ts).
whenStorageRefused(() => (typeof window !== "undefined" && window.parent !== window ? frameCookieStorage() : undefined));

export function EmbeddedFrame({ hostOrigin }: { hostOrigin: string | undefined }) {
  const pathname = usePathname();
  useEffect(() => {
    setEmbeddingOrigin(hostOrigin);
    const origin = embeddingOrigin();
    const stop = origin ? reportFrameHeight(origin) : undefined;
    return () => {
      stop?.();
      setEmbeddingOrigin(undefined);
    };
  }, [hostOrigin]);
  useEffect(() => {
    if (embeddingOrigin()) rememberFramePath(pathname);
  }, [pathname]);
  return null;
}
