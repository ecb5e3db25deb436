// The product under demo, described once: its routes, the tour anchors on each, and what a visitor can do in
// it, with the detail each recorded action carries. The demo validator, the tour and the rep views read this,
// so a team demos its own product by replacing lib/pipeline (this file and the pages it names).
// Plain data, no zod or drizzle, so browser code may import it as well as the server.
import { type DetailField, type PipelineActionKind, pipelineActionKinds, pipelineActions } from "./manifest-actions";

export type { DetailField };

export const pipelineManifest = {
  product: "Pipeline",
  /**
   * The product's pages, by name. `path` is under the sandbox (`/s/<sandbox>`); a `:param` segment needs an id,
   * so a tour cannot navigate there by name (a visitor opens one from a list).
   */
  routes: {
    board: { path: "/", title: "Deals board" },
    "new-deal": { path: "/deals/new", title: "New deal" },
    deal: { path: "/deals/:deal", title: "A deal" },
    companies: { path: "/companies", title: "Companies" },
    company: { path: "/companies/:company", title: "A company" },
    contacts: { path: "/contacts", title: "Contacts" },
    contact: { path: "/contacts/:contact", title: "A contact" },
    forecast: { path: "/forecast", title: "Forecast" },
    import: { path: "/import", title: "Import contacts" },
  },
  /** data-tour="…" names a step may target, and the route each is on ("*": the header, on every page). */
  anchors: {
    "deals-board": { route: "board", about: "the board of open deals, one column per stage" },
    "pipeline-total": { route: "board", about: "the open pipeline's total amount" },
    "new-deal-button": { route: "*", about: "the New deal button in the header" },
    "talk-to-human": { route: "*", about: "the Talk to a human button in the header" },
    "product-menu": { route: "*", about: "the header's menu of pages (folded on narrow screens)" },
    "new-deal-form": { route: "new-deal", about: "the form that creates a deal" },
    "deal-stage": { route: "deal", about: "a deal's stage picker and Move button" },
    "log-activity-form": { route: "deal", about: "the form that logs a call, email or meeting on a deal" },
    "deal-activity": { route: "deal", about: "a deal's history of activities" },
    "companies-list": { route: "companies", about: "the list of companies" },
    "company-search": { route: "companies", about: "the companies search box" },
    "contacts-list": { route: "contacts", about: "the list of contacts" },
    "contact-search": { route: "contacts", about: "the contacts search box" },
    "forecast-definitions": { route: "forecast", about: "what commit, best case and pipeline mean" },
    "forecast-chart": { route: "forecast", about: "the forecast chart by month" },
    "forecast-table": { route: "forecast", about: "the forecast table by month" },
    "forecast-by-owner": { route: "forecast", about: "the forecast by deal owner" },
    "import-upload": { route: "import", about: "the CSV file upload" },
    "import-sample": { route: "import", about: "the link to a sample CSV file" },
    "import-mapping": { route: "import", about: "the column mapping, after an upload" },
    "import-errors": { route: "import", about: "the rows with problems, after mapping" },
  },
  /** What a visitor can really do (manifest-actions.ts, its own module so the tour can load it alone). */
  actions: pipelineActions,
} as const satisfies {
  product: string;
  routes: Record<string, { path: string; title: string }>;
  anchors: Record<string, { route: string; about: string }>;
  actions: Record<string, { detail: Record<string, DetailField> }>;
};

export type PipelineRoute = keyof typeof pipelineManifest.routes;
export type PipelineAnchor = keyof typeof pipelineManifest.anchors;
export type { PipelineActionKind };
export { pipelineActionKinds };

export type PipelineActionDetail<Kind extends PipelineActionKind> = (typeof pipelineManifest.actions)[Kind]["detail"];

export const pipelineRoutes = Object.keys(pipelineManifest.routes) as [PipelineRoute, ...PipelineRoute[]];

/** The detail fields an action carries, by name: what a tour's `waitFor.where` may match on. */
export function actionDetailFields(kind: PipelineActionKind): Record<string, DetailField> {
  return pipelineManifest.actions[kind].detail;
}

/** The anchors a visitor sees on `route`: its own and the header's ("*"). */
export function anchorsOnRoute(route: PipelineRoute): PipelineAnchor[] {
  return (Object.keys(pipelineManifest.anchors) as PipelineAnchor[]).filter((anchor) => {
    const on: string = pipelineManifest.anchors[anchor].route;
    return on === route || on === "*";
  });
}

/** Routes a tour may navigate to by name: those that need no id. */
export const navigableRoutes = (Object.keys(pipelineManifest.routes) as PipelineRoute[]).filter(
  (route) => !pipelineManifest.routes[route].path.includes(":"),
);
