// @vitest-environment happy-dom
// Following a step's target in a changing DOM: late, replaced, removed, never there.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type TargetLookup, targetTimeout, targetWaitMs, watchTarget } from "@/components/tour/target";

/** The MutationObserver reports after the current task's microtasks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function describeLookup(lookup: TargetLookup): string {
  return lookup.status === "found" ? `found #${lookup.element.id}` : lookup.status;
}

let seen: string[];
let stop: (() => void) | undefined;
const record = (lookup: TargetLookup) => seen.push(describeLookup(lookup));

beforeEach(() => {
  seen = [];
  document.body.innerHTML = `<main id="main"></main>`;
});
afterEach(() => {
  stop?.();
  vi.useRealTimers();
});

const main = () => document.getElementById("main") as HTMLElement;

describe("watchTarget", () => {
  it("reports a target that is already there at once", () => {
    main().innerHTML = `<div data-tour="deals-board" id="board"></div>`;
    stop = watchTarget({ target: "deals-board" }, record);
    expect(seen).toEqual(["found #board"]);
  });

  it("waits for a late target and takes it when it appears", async () => {
    stop = watchTarget({ target: "new-deal-form" }, record, 60_000);
    expect(seen).toEqual(["looking"]);
    main().innerHTML = `<form data-tour="new-deal-form" id="form"></form>`;
    await settle();
    expect(seen).toEqual(["looking", "found #form"]);
  });

  it("finds a target by role and name once its text arrives", async () => {
    main().innerHTML = `<button id="save"></button>`;
    stop = watchTarget({ locate: { role: "button", name: "Save deal" } }, record, 60_000);
    (document.getElementById("save") as HTMLElement).textContent = "Save deal";
    await settle();
    expect(seen).toEqual(["looking", "found #save"]);
  });

  it("gives up after the timeout, and still takes the target if it comes later", async () => {
    vi.useFakeTimers();
    stop = watchTarget({ target: "deal-stage" }, record, 5000);
    vi.advanceTimersByTime(4999);
    expect(seen).toEqual(["looking"]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(["looking", "missing"]);
    vi.useRealTimers();
    main().innerHTML = `<form data-tour="deal-stage" id="stage"></form>`;
    await settle();
    expect(seen).toEqual(["looking", "missing", "found #stage"]);
  });

  it("follows a re-rendered target to its replacement", async () => {
    main().innerHTML = `<div data-tour="deals-board" id="old"></div>`;
    stop = watchTarget({ target: "deals-board" }, record, 60_000);
    main().innerHTML = `<div data-tour="deals-board" id="new"></div>`;
    await settle();
    expect(seen).toEqual(["found #old", "found #new"]);
  });

  it("drops a target that is removed or hidden, and waits again with a fresh timeout", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    main().innerHTML = `<div data-tour="deals-board" id="board"></div>`;
    stop = watchTarget({ target: "deals-board" }, record, 5000);
    (document.getElementById("board") as HTMLElement).hidden = true;
    await vi.waitFor(() => expect(seen).toEqual(["found #board", "looking"]));
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual(["found #board", "looking", "missing"]);
    (document.getElementById("board") as HTMLElement).hidden = false;
    await vi.waitFor(() => expect(seen).toEqual(["found #board", "looking", "missing", "found #board"]));
  });

  it("ignores the tour's own nodes and stops watching when stopped", async () => {
    stop = watchTarget({ target: "pipeline-total" }, record, 60_000);
    const popover = document.createElement("div");
    popover.className = "tour-popover";
    document.body.append(popover);
    await settle();
    // A change inside the popover (its text, its position) is not a reason to look again.
    let lookups = 0;
    const querySelectorAll = document.querySelectorAll.bind(document);
    vi.spyOn(document, "querySelectorAll").mockImplementation((selector: string) => {
      lookups += 1;
      return querySelectorAll(selector);
    });
    popover.style.left = "10px";
    popover.innerHTML = `<span data-tour="pipeline-total" id="inside-tour"></span>`;
    await settle();
    expect(lookups).toBe(0);
    vi.restoreAllMocks();
    popover.remove();
    stop();
    stop = undefined;
    main().innerHTML = `<p data-tour="pipeline-total" id="total"></p>`;
    await settle();
    expect(seen).toEqual(["looking"]);
  });
});

describe("targetTimeout", () => {
  it("reads a step's own timeout, else the default", () => {
    expect(targetTimeout({ timeoutMs: 1500 })).toBe(1500);
    expect(targetTimeout({})).toBe(targetWaitMs);
    expect(targetTimeout({ timeoutMs: -1 })).toBe(targetWaitMs);
    expect(targetTimeout({ timeoutMs: "3000" })).toBe(targetWaitMs);
  });
});
