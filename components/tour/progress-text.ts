import type { TourWords } from "@/lib/demos/tour-words";

/** "Step 3 of 7": the server's progress words (lib/demos/tour-words.ts) with the visitor's numbers. */
export function progressText(words: Pick<TourWords, "progress">, step: number, total: number): string {
  return words.progress.replace("{step}", String(step)).replace("{total}", String(total));
}
