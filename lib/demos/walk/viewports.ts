// The two screens every path is walked at: a laptop, and a small phone held upright.
import type { viewportClasses } from "@/lib/demos/check-run-schema";

export type Viewport = { width: number; height: number };

export const viewports: Record<(typeof viewportClasses)[number], Viewport> = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 640 },
};
