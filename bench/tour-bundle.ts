// The tour's own client JavaScript as esbuild bundles it, for `npm run bench:tour` and for the unit test that
// keeps it inside its budget (tests/unit/tour/bundle-size.test.ts): what only the tour brings — React, Next and
// the tracker it shares with the product are the page's anyway.
import path from "node:path";
import { build } from "esbuild";

export const tourEntry = "components/tour/TourPlayer.tsx";
/** The budget for the tour's JS, gzip level 9 (issue #9). */
export const tourGzipTarget = 10_000;

export async function bundleTour(root: string): Promise<string> {
  const js = await build({
    entryPoints: [path.join(root, tourEntry)],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    jsx: "automatic",
    external: ["react", "react/*", "react-dom", "next", "next/*", "@/components/signals/*"],
    // The stylesheet is measured on its own, like the libraries' stylesheets.
    loader: { ".css": "empty" },
    absWorkingDir: root,
    write: false,
    logLevel: "error",
  });
  return js.outputFiles[0]?.text ?? "";
}
