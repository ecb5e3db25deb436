// HEAD asks only for headers, and must change nothing. Next answers it by running the page or the route's
// GET handler in full and dropping the body: a HEAD of /try/<demo> (a link checker, a chat app's preview)
// provisioned a sandbox, one of a studio preview made a preview copy, one of a shoulder view logged a look.
// So the front door answers HEAD for every page itself, and none of the page runs: it says 200 and that the
// page is HTML (what a GET would really answer — a redirect, a 404 — is found only by running it). What only
// reads is still Next's to answer: its build output (/_next/), the public folder, the app's icon and other
// root-level files, and the APIs, whose GET handlers only read (DEVELOPERS.md, "Bad input").
import fs from "node:fs";
import path from "node:path";
import type { Refusal } from "./undecodable-path";

/** Every file in the public folder as the path it is served at ("/samples/contacts.csv"), read once at start. */
export function publicFilePaths(publicDir: string): ReadonlySet<string> {
  if (!fs.existsSync(publicDir)) return new Set();
  const files = fs.readdirSync(publicDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Set(files.map((entry) => `/${path.relative(publicDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`));
}

function readsOnly(requested: string, publicFiles: ReadonlySet<string>): boolean {
  if (requested === "/api" || requested.startsWith("/api/")) return true;
  // "/icon.svg", "/favicon.ico", "/robots.txt": Next's metadata files are named like files; pages never are.
  return requested.startsWith("/_next/") || /^\/[^/]+\.[a-z0-9]+$/i.test(requested) || publicFiles.has(decodeURIComponent(requested));
}

/** The answer to a HEAD of a page, which must not run; undefined for any other request (Next answers it). */
export function headAnswer(method: string | undefined, url: string | undefined, publicFiles: ReadonlySet<string>): Refusal | undefined {
  if ((method ?? "GET").toUpperCase() !== "HEAD") return undefined;
  const requested = (url ?? "/").split("?")[0] ?? "/";
  if (readsOnly(requested, publicFiles)) return undefined;
  return { status: 200, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }, body: "" };
}
