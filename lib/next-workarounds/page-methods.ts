// Methods a page does not answer. Next renders a page for any method (a DELETE of the gallery got the gallery
// and a 200), so `npm start`'s front door answers for the pages: 405 with a page that helps, naming the methods
// that work. APIs (/api/…) answer their own methods; Next's own files (/_next/…) are left to Next.
import { errorPageHtml } from "@/lib/http/error-page";
import type { Refusal } from "./undecodable-path";

/** GET and HEAD read a page; POST is how a form or a Server Action reaches one. */
const pageMethods = ["GET", "HEAD", "POST"];
const allow = pageMethods.join(", ");

const notThisWay = {
  heading: "That is not how this page is used",
  explanation: "This address can only be opened, not changed or deleted. Open it in your browser, or start from the list of demos.",
};

export function pageMethodRefusal(method: string | undefined, url: string | undefined): Refusal | undefined {
  const path = (url ?? "/").split("?")[0] ?? "/";
  if (path.startsWith("/api/") || path === "/api" || path.startsWith("/_next/")) return undefined;
  const verb = (method ?? "GET").toUpperCase();
  if (pageMethods.includes(verb)) return undefined;
  // Asking which methods work is not a mistake: answer it.
  if (verb === "OPTIONS") return { status: 204, headers: { allow, "cache-control": "no-store" }, body: "" };
  return {
    status: 405,
    headers: { allow, "cache-control": "no-store", "content-type": "text/html; charset=utf-8" },
    body: errorPageHtml(notThisWay),
  };
}
