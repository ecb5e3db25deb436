// @vitest-environment happy-dom
// The element picker's answer: a data-tour anchor or a role and accessible name (never a CSS path), its match
// count by the tour's own rules, and the YAML line a step takes.
import { afterEach, describe, expect, it } from "vitest";
import { bestLocator, countMatches } from "@/components/studio/preview/pick-locator";
import { locatorYaml, matchSummary } from "@/lib/studio/preview/locator";

const byId = (id: string) => document.getElementById(id) as HTMLElement;

afterEach(() => {
  document.body.innerHTML = "";
});

describe("the picker's locator", () => {
  it("takes the anchor on the element, or on the region it sits in", () => {
    document.body.innerHTML = `<p data-tour="pipeline-total" id="total">Open pipeline <strong id="amount">$84,000</strong></p>`;
    expect(bestLocator(byId("total"))).toEqual({ target: "pipeline-total" });
    expect(bestLocator(byId("amount"))).toEqual({ target: "pipeline-total" });
  });

  it("takes a named control inside an anchored region over the region", () => {
    document.body.innerHTML = `<form data-tour="deal-stage"><button id="move"><span id="label">Move</span></button></form>`;
    expect(bestLocator(byId("label"))).toEqual({ locate: { role: "button", name: "Move" } });
  });

  it("falls back to role and accessible name, and to nothing for plain text", () => {
    document.body.innerHTML = `<h1 id="title">Deals</h1><div id="plain"><span id="text">just text</span></div>`;
    expect(bestLocator(byId("title"))).toEqual({ locate: { role: "heading", name: "Deals" } });
    expect(bestLocator(byId("text"))).toBeUndefined();
  });

  it("counts visible matches only, as the tour finds them", () => {
    document.body.innerHTML = `<a href="/a">Open</a><a href="/b">Open</a><a href="/c" hidden>Open</a><h1>Deals</h1>`;
    expect(countMatches({ locate: { role: "link", name: "Open" } }, document)).toBe(2);
    expect(countMatches({ locate: { role: "heading", name: "Deals" } }, document)).toBe(1);
    expect(countMatches({ target: "nowhere" }, document)).toBe(0);
  });

  it("writes the step's YAML, quoting names so any text stays valid", () => {
    expect(locatorYaml({ target: "deal-card" })).toBe("target: deal-card");
    expect(locatorYaml({ locate: { role: "button", name: 'Add "deal"' } })).toBe('locate: { role: button, name: "Add \\"deal\\"" }');
  });

  it("warns unless the locator matches exactly one element", () => {
    expect(matchSummary(1).warning).toBe(false);
    expect(matchSummary(0)).toMatchObject({ warning: true });
    expect(matchSummary(3).text).toContain("Matches 3 elements");
  });
});
