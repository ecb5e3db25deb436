"use client";
// Mounted by the product's layout: in an embed's frame it keeps the host page's frame as tall as the page, so
// the host shows one scroll bar, and remembers the page for a reload of the host; on a page of its own it does
// nothing.
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { embeddingOrigin, rememberFramePath, reportFrameHeight } from "./host-events";

export function EmbeddedFrame() {
  const pathname = usePathname();
  useEffect(() => {
    const origin = embeddingOrigin();
    return origin ? reportFrameHeight(origin) : undefined;
  }, []);
  useEffect(() => {
    if (embeddingOrigin()) rememberFramePath(pathname);
  }, [pathname]);
  return null;
}
