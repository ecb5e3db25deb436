// @vitest-environment happy-dom
// Finding a step's target by anchor or by role and accessible name, in a DOM as a product renders it.
import { afterEach, describe, expect, it } from "vitest";
import { accessibleName, roleOf } from "@/components/tour/accessible-name";
import { findTarget } from "@/components/tour/find-target";

function render(html: string): void {
  document.body.innerHTML = html;
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;

afterEach(() => {
  document.body.innerHTML = "";
});

describe("roles", () => {
  it("reads explicit roles first, then the implicit role of each element a product uses", () => {
    render(`
      <div id="explicit" role="tab button">x</div>
      <button id="button">b</button><input id="submit" type="submit" value="Go"><input id="text"><input id="email" type="email">
      <a id="link" href="/x">l</a><a id="anchor">no href</a><h3 id="heading">h</h3><textarea id="area"></textarea>
      <select id="select"><option>a</option></select><select id="multi" multiple><option>a</option></select>
      <input id="check" type="checkbox"><input id="radio" type="radio"><input id="hidden" type="hidden"><input id="listed" list="l">
      <nav id="nav"></nav><section id="section"></section><section id="named" aria-label="Totals"></section>
      <form id="form"></form><form id="named-form" aria-labelledby="heading"></form><table id="table"></table>
      <img id="img" alt="Logo"><img id="decor" alt="">
      <select id="sized" size="4"><option>a</option></select><select id="one" size="1"><option>a</option></select>
      <input id="search" type="search"><input id="listed-search" type="search" list="l"><input id="range" type="range">`);
    const roles = Object.fromEntries([...document.querySelectorAll("[id]")].map((element) => [element.id, roleOf(element)]));
    expect(roles).toEqual({
      explicit: "tab",
      button: "button",
      submit: "button",
      text: "textbox",
      email: "textbox",
      link: "link",
      anchor: "",
      heading: "heading",
      area: "textbox",
      select: "combobox",
      multi: "listbox",
      check: "checkbox",
      radio: "radio",
      hidden: "",
      listed: "combobox",
      nav: "navigation",
      section: "",
      named: "region",
      form: "",
      "named-form": "form",
      table: "table",
      img: "img",
      decor: "presentation",
      sized: "listbox",
      one: "combobox",
      search: "searchbox",
      "listed-search": "combobox",
      range: "slider",
    });
  });
});

describe("accessible names", () => {
  it("takes aria-labelledby over aria-label over labels over content over title", () => {
    render(`
      <span id="a">Deal</span><span id="b">  stage </span>
      <button id="labelled" aria-labelledby="a b" aria-label="ignored">ignored</button>
      <button id="labelled-empty" aria-labelledby="nowhere" aria-label="Fallback label">x</button>
      <button id="label" aria-label="  Close   tour ">×</button>
      <label for="amount">Amount <em>(USD)</em></label><input id="amount" title="ignored">
      <label>Company <select id="wrapped"><option>Acme</option></select></label>
      <button id="content">  New
        <span aria-hidden="true">→</span> <img alt="deal">  </button>
      <input id="titled" title="Search deals">
      <img id="img" alt="Pipeline logo" title="ignored">
      <input id="submit" type="submit" value="Create deal">`);
    expect(accessibleName(byId("labelled"))).toBe("Deal stage");
    expect(accessibleName(byId("labelled-empty"))).toBe("Fallback label");
    expect(accessibleName(byId("label"))).toBe("Close tour");
    expect(accessibleName(byId("amount"))).toBe("Amount (USD)");
    expect(accessibleName(byId("wrapped"))).toBe("Company Acme");
    expect(accessibleName(byId("content"))).toBe("New deal");
    expect(accessibleName(byId("titled"))).toBe("Search deals");
    expect(accessibleName(byId("img"))).toBe("Pipeline logo");
    expect(accessibleName(byId("submit"))).toBe("Create deal");
  });

  it("does not name a region or table from its whole content", () => {
    render(`<table id="t"><tr><td>Acme</td></tr></table>`);
    expect(accessibleName(byId("t"))).toBe("");
  });
});

describe("findTarget", () => {
  it("finds a data-tour anchor, skipping copies that are hidden", () => {
    render(`
      <div data-tour="deals-board" hidden id="hidden"></div>
      <div style="display: none"><div data-tour="deals-board" id="in-hidden"></div></div>
      <div data-tour="deals-board" id="shown"></div>`);
    expect(findTarget({ target: "deals-board" })?.id).toBe("shown");
    expect(findTarget({ target: "nowhere" })).toBeNull();
    expect(findTarget({})).toBeNull();
  });

  it("finds by role and name: whitespace-collapsed, case-insensitive, exact", () => {
    render(`
      <a href="/deals/new" id="new-link">New deal</a>
      <button id="new-deal-extra">New deal today</button>
      <button id="hidden-button" style="visibility: hidden">New   DEAL</button>
      <button id="new-button"> new
        DEAL </button>
      <div role="button" id="div-button" aria-label="Move stage"></div>
      <label for="stage">Stage</label><select id="stage"><option>Lead</option></select>
      <section aria-labelledby="h" id="totals"><h2 id="h">Open pipeline</h2></section>`);
    expect(findTarget({ locate: { role: "button", name: "New Deal" } })?.id).toBe("new-button");
    expect(findTarget({ locate: { role: "link", name: " new deal " } })?.id).toBe("new-link");
    expect(findTarget({ locate: { role: "button", name: "Move stage" } })?.id).toBe("div-button");
    expect(findTarget({ locate: { role: "combobox", name: "Stage" } })?.id).toBe("stage");
    expect(findTarget({ locate: { role: "region", name: "open pipeline" } })?.id).toBe("totals");
    expect(findTarget({ locate: { role: "heading", name: "Open pipeline" } })?.id).toBe("h");
    // Exact, not a substring; and the role must match.
    expect(findTarget({ locate: { role: "button", name: "New" } })).toBeNull();
    expect(findTarget({ locate: { role: "link", name: "Move stage" } })).toBeNull();
  });
});
