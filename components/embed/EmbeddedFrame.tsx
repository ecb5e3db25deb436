"use client";
// Mounted by the product's layout: in an embed's frame it keeps the host page's frame as tall as the page, so
// the host shows one scroll bar; on a page of its own it does nothing.
import { useEffect } from "react";
import { embeddingOrigin, reportFrameHeight } from "./host-events";

export function EmbeddedFrame() {
  useEffect(() => {
    const origin = embeddingOrigin();
    return origin ? reportFrameHeight(origin) : undefined;
  }, []);
  return null;
}
