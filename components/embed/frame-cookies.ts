// What an embed's frame keeps for itself where the browser refuses it storage. A browser that blocks
// third-party cookies (Chrome's Incognito, for one) denies a third-party frame its localStorage and
// sessionStorage outright, yet keeps partitioned cookies (CHIPS): so the frame keeps its few facts in
// partitioned cookies, for the embedding site only, as the visitor cookie is kept.
import type { TourStorage } from "@/components/tour/persistence";

const attributes = "; Path=/; Max-Age=7776000; SameSite=None; Secure; Partitioned";

function read(name: string): string | null {
  const prefix = `${encodeURIComponent(name)}=`;
  const found = document.cookie.split("; ").find((part) => part.startsWith(prefix));
  if (found === undefined) return null;
  try {
    return decodeURIComponent(found.slice(prefix.length));
  } catch {
    return null;
  }
}

function write(name: string, value: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is asynchronous; the tour's storage is read synchronously.
  document.cookie = `${encodeURIComponent(name)}=${encodeURIComponent(value)}${attributes}`;
}

/** The tour's progress in partitioned cookies: only for a frame, only when localStorage is refused. */
export function frameCookieStorage(): TourStorage {
  return { getItem: read, setItem: write };
}

/** The product page the frame is on, so a reload of the host page comes back to it (lib/embed/poster.ts reads it). */
export const framePathCookie = "oh_embed_path";

export function rememberFramePath(path: string): void {
  try {
    write(framePathCookie, path);
  } catch {
    // Without it a reload opens the copy's first page instead.
  }
}
