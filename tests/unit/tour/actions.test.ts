import { afterEach, describe, expect, it, vi } from "vitest";
import type { SandboxActionDetail } from "@/components/tour/actions";
import { announceSandboxAction, listenForSandboxActions, sandboxActionEventName } from "@/components/tour/actions";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("sandbox actions", () => {
  it("tells the tour what the visitor really did in the product", () => {
    vi.stubGlobal("window", new EventTarget());
    const seen: SandboxActionDetail[] = [];
    const stop = listenForSandboxActions((action) => seen.push(action));
    announceSandboxAction("deal.created", { deal: "Globex renewal", amount: 40000, stage: "lead" });
    announceSandboxAction("deal.stage_changed", { deal: "Globex renewal", from: "lead", to: "qualified" });
    stop();
    expect(seen).toEqual([
      { kind: "deal.created", detail: { deal: "Globex renewal", amount: 40000, stage: "lead" } },
      { kind: "deal.stage_changed", detail: { deal: "Globex renewal", from: "lead", to: "qualified" } },
    ]);
  });

  it("dispatches exactly the openhouse:action CustomEvent product code is documented to send", () => {
    const channel = new EventTarget();
    const events: Event[] = [];
    channel.addEventListener(sandboxActionEventName, (event) => events.push(event));
    announceSandboxAction("deal.viewed", {}, channel);
    expect(sandboxActionEventName).toBe("openhouse:action");
    expect(events[0]).toBeInstanceOf(CustomEvent);
    expect((events[0] as CustomEvent).detail).toEqual({ kind: "deal.viewed", detail: {} });
  });

  it("stops listening once cleaned up", () => {
    const channel = new EventTarget();
    const handler = vi.fn();
    const stop = listenForSandboxActions(handler, channel);
    stop();
    announceSandboxAction("deal.created", {}, channel);
    expect(handler).not.toHaveBeenCalled();
  });

  it("ignores events under the same name that carry no action kind", () => {
    const channel = new EventTarget();
    const handler = vi.fn();
    const stop = listenForSandboxActions(handler, channel);
    channel.dispatchEvent(new Event(sandboxActionEventName));
    channel.dispatchEvent(new CustomEvent(sandboxActionEventName, { detail: null }));
    channel.dispatchEvent(new CustomEvent(sandboxActionEventName, { detail: { kind: 42 } }));
    channel.dispatchEvent(new CustomEvent(sandboxActionEventName, { detail: "deal.created" }));
    stop();
    expect(handler).not.toHaveBeenCalled();
  });

  it("keeps only the text and number fields of a detail, so nothing else reaches a where: match", () => {
    const channel = new EventTarget();
    const seen: SandboxActionDetail[] = [];
    const stop = listenForSandboxActions((action) => seen.push(action), channel);
    channel.dispatchEvent(
      new CustomEvent(sandboxActionEventName, {
        detail: { kind: "contacts.imported", detail: { count: 5, nested: { a: 1 }, flag: true } },
      }),
    );
    channel.dispatchEvent(new CustomEvent(sandboxActionEventName, { detail: { kind: "deal.viewed", detail: "x" } }));
    stop();
    expect(seen).toEqual([
      { kind: "contacts.imported", detail: { count: 5 } },
      { kind: "deal.viewed", detail: {} },
    ]);
  });

  it("does nothing outside a browser", () => {
    expect(() => announceSandboxAction("deal.created")).not.toThrow();
    expect(() => listenForSandboxActions(() => {})()).not.toThrow();
  });
});
