// The sample product's tour anchors: the data-tour="…" names a demo step may target, as listed (with the page
// each is on) in manifest.ts. A contract between marketers' demo.yaml and the product UI, checked on both
// sides (schema + unit test + tests/e2e/manifest.spec.ts). `anchorGuide()` is the list a marketer reads
// (`npm run demos:check -- --anchors`, and the studio).
import { type PipelineAnchor, type PipelineRoute, pipelineManifest } from "./manifest";

export const productAnchors = Object.keys(pipelineManifest.anchors) as [PipelineAnchor, ...PipelineAnchor[]];

export type ProductAnchor = PipelineAnchor;

/** One anchor as a marketer needs it: its name, what it is, and the page it is on ("every page" for the header's). */
export type AnchorGuideEntry = {
  anchor: PipelineAnchor;
  about: string;
  /** The route's name, or "*" for an anchor on every page. */
  route: PipelineRoute | "*";
  /** The page's title ("Deals board"), or "every page". */
  page: string;
  /** Its path under the sandbox (`/deals/:deal`), or "*". */
  path: string;
};

export function anchorGuide(): AnchorGuideEntry[] {
  return productAnchors.map((anchor) => {
    const { route, about } = pipelineManifest.anchors[anchor] as { route: PipelineRoute | "*"; about: string };
    if (route === "*") return { anchor, about, route, page: "every page", path: "*" };
    const { title, path } = pipelineManifest.routes[route];
    return { anchor, about, route, page: title, path };
  });
}

/** The guide as lines of text, grouped by page in the manifest's order (the header's first). */
export function formatAnchorGuide(entries = anchorGuide()): string {
  const width = Math.max(...entries.map((entry) => entry.anchor.length));
  // The header's anchors first: they are on every page a tour may be on.
  const pages = [...new Set(entries.map((entry) => entry.route))].sort((a, b) => Number(b === "*") - Number(a === "*"));
  return pages
    .flatMap((route) => {
      const onPage = entries.filter((entry) => entry.route === route);
      const first = onPage[0];
      if (!first) return [];
      const heading = route === "*" ? "every page (the product's header)" : `${first.page} — route ${route}, path ${first.path}`;
      return [heading, ...onPage.map((entry) => `  ${entry.anchor.padEnd(width)}  ${entry.about}`), ""];
    })
    .join("\n")
    .trimEnd();
}
