// Addresses whose path is not valid percent-encoding (`/try/%ff`, `/s/%E0%A4%A`). Next 16 answers one that
// reaches a dynamic route with a bare 500: it decodes the segment, fails, and then tries to render a /400
// page the App Router cannot have. `npm start`'s front door refuses them itself with a 400 instead.
import { errorPageHtml } from "@/lib/http/error-page";

export type Refusal = { status: number; headers: Record<string, string>; body: string };

const brokenAddress = {
  heading: "That address is broken",
  explanation:
    "Part of the link could not be read — it was probably cut off or changed on its way here. Check the link, or start from the list of demos.",
};

export function isMalformedPath(url: string | undefined): boolean {
  const path = (url ?? "/").split("?")[0] ?? "/";
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** The 400 for an undecodable path (JSON for the APIs, a page for people), or undefined for a good one. */
export function malformedPathRefusal(url: string | undefined): Refusal | undefined {
  if (!isMalformedPath(url)) return undefined;
  const noStore = { "cache-control": "no-store" };
  if (url?.startsWith("/api/")) {
    return {
      status: 400,
      headers: { ...noStore, "content-type": "application/json" },
      body: JSON.stringify({ error: "The address is not valid percent-encoding" }),
    };
  }
  return { status: 400, headers: { ...noStore, "content-type": "text/html; charset=utf-8" }, body: errorPageHtml(brokenAddress) };
}
