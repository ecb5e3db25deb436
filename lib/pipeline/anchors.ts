// The sample product's tour anchors: the data-tour="…" names a demo step may target.
// A contract between marketers' demo.yaml and the product UI, checked on both sides (schema + unit test).
export const productAnchors = [
  "deals-board",
  "pipeline-total",
  "new-deal-button",
  "new-deal-form",
  "deal-stage",
  "talk-to-human",
  "product-menu",
  "companies-list",
  "company-search",
  "contacts-list",
  "contact-search",
  "log-activity-form",
  "deal-activity",
  "forecast-definitions",
  "forecast-chart",
  "forecast-table",
  "forecast-by-owner",
  "import-upload",
  "import-sample",
  "import-mapping",
  "import-errors",
] as const;

export type ProductAnchor = (typeof productAnchors)[number];
