// The product's manifest is what the validator, the tour and the rep views read: it must name real pages, and
// everything derived from it (action kinds, anchors, sentences) must follow it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sandboxActionKind } from "@/lib/demos/demo-schema";
import { describeAction, manifestDetail } from "@/lib/insights/describe-action";
import { anchorGuide, formatAnchorGuide, productAnchors } from "@/lib/pipeline/anchors";
import { actionDetailFields, anchorsOnRoute, navigableRoutes, pipelineManifest, pipelineRoutes } from "@/lib/pipeline/manifest";
import { sandboxActionKinds } from "@/lib/signals/signal-types";

const pageFile = (routePath: string) =>
  path.join(
    "app/s/[sandbox]",
    ...routePath
      .split("/")
      .filter(Boolean)
      .map((part) => (part.startsWith(":") ? `[${part.slice(1)}]` : part)),
    "page.tsx",
  );

describe("the product manifest (lib/pipeline/manifest.ts)", () => {
  it.each(pipelineRoutes)("names a real page for the route %s", (route) => {
    expect(fs.existsSync(pageFile(pipelineManifest.routes[route].path)), pageFile(pipelineManifest.routes[route].path)).toBe(true);
  });

  it("puts every anchor on a route it lists, or on every page", () => {
    for (const [anchor, { route }] of Object.entries(pipelineManifest.anchors)) {
      expect(route === "*" || route in pipelineManifest.routes, anchor).toBe(true);
    }
    expect(anchorsOnRoute("forecast")).toEqual(expect.arrayContaining(["forecast-chart", "talk-to-human"]));
    expect(anchorsOnRoute("forecast")).not.toContain("deals-board");
  });

  it("lets a tour navigate only to routes that need no id", () => {
    expect(navigableRoutes).toEqual(expect.arrayContaining(["board", "forecast", "import", "new-deal"]));
    expect(navigableRoutes).not.toContain("deal");
  });

  it("is where the validator's action kinds and a step's waitFor come from", () => {
    expect([...sandboxActionKinds]).toEqual(Object.keys(pipelineManifest.actions));
    expect(sandboxActionKind.options).toEqual(Object.keys(pipelineManifest.actions));
    expect(actionDetailFields("deal.stage_changed")).toMatchObject({ deal: "text", to: expect.arrayContaining(["negotiation"]) });
  });

  it("lists each anchor with its page for a marketer (demos:check -- --anchors)", () => {
    expect(anchorGuide().map((entry) => entry.anchor)).toEqual(productAnchors);
    expect(anchorGuide().find((entry) => entry.anchor === "deal-stage")).toEqual({
      anchor: "deal-stage",
      about: "a deal's stage picker and Move button",
      route: "deal",
      page: "A deal",
      path: "/deals/:deal",
    });
    const text = formatAnchorGuide();
    expect(text).toContain("every page (the product's header)\n");
    expect(text).toMatch(/A deal — route deal, path \/deals\/:deal\n {2}deal-stage +a deal's stage picker and Move button/);
  });
});

describe("a rep's sentence for an action, through the manifest", () => {
  it("reads each action kind the manifest lists", () => {
    expect(describeAction("deal.created", { deal: "Globex renewal", amount: 40000, stage: "lead" })).toBe(
      "created deal ‘Globex renewal’ $40k",
    );
    expect(describeAction("deal.stage_changed", { deal: "Globex renewal", from: "lead", to: "negotiation" })).toBe(
      "moved ‘Globex renewal’ to Negotiation",
    );
    expect(describeAction("activity.logged", { deal: "Globex renewal", kind: "email" })).toBe("logged an email on ‘Globex renewal’");
    expect(describeAction("contacts.imported", { count: 1 })).toBe("imported 1 contact from a CSV file");
    expect(describeAction("deal.viewed", {})).toBe("opened a deal");
  });

  it("leaves out a detail the manifest does not declare, or of the wrong kind", () => {
    expect(manifestDetail("deal.created", { deal: "X", amount: "40000", stage: "sideways", extra: "y" })).toEqual({ deal: "X" });
    expect(describeAction("activity.logged", { deal: "X", kind: "telegram" })).toBe("logged an activity on ‘X’");
    expect(describeAction("deal.stage_changed", { deal: "X", to: "limbo" })).toBe("moved a deal to another stage");
  });

  it("names an unknown kind as it is, and a missing one as something", () => {
    expect(describeAction("deal.deleted", {})).toBe("deal.deleted");
    expect(describeAction(null, {})).toBe("did something");
  });
});
