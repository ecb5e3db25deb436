import { afterEach, describe, expect, it, vi } from "vitest";
import { announceSandboxAction, listenForSandboxActions, sandboxActionEventName } from "@/components/tour/actions";
import type { SandboxActionKind } from "@/lib/demos/demo-schema";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("sandbox actions", () => {
  it("tells the tour what the visitor really did in the product", () => {
    vi.stubGlobal("window", new EventTarget());
    const seen: SandboxActionKind[] = [];
    const stop = listenForSandboxActions((kind) => seen.push(kind));
    announceSandboxAction("deal.created");
    announceSandboxAction("deal.stage_changed");
    stop();
    expect(seen).toEqual(["deal.created", "deal.stage_changed"]);
  });

  it("dispatches exactly the openhouse:action CustomEvent product code is documented to send", () => {
    const channel = new EventTarget();
    const events: Event[] = [];
    channel.addEventListener(sandboxActionEventName, (event) => events.push(event));
    announceSandboxAction("deal.viewed", channel);
    expect(sandboxActionEventName).toBe("openhouse:action");
    expect(events[0]).toBeInstanceOf(CustomEvent);
    expect((events[0] as CustomEvent).detail).toEqual({ kind: "deal.viewed" });
  });

  it("stops listening once cleaned up", () => {
    const channel = new EventTarget();
    const handler = vi.fn();
    const stop = listenForSandboxActions(handler, channel);
    stop();
    announceSandboxAction("deal.created", channel);
    expect(handler).not.toHaveBeenCalled();
  });

  it("ignores events under the same name that do not carry a known action", () => {
    const channel = new EventTarget();
    const handler = vi.fn();
    const stop = listenForSandboxActions(handler, channel);
    channel.dispatchEvent(new Event(sandboxActionEventName));
    channel.dispatchEvent(new CustomEvent(sandboxActionEventName, { detail: null }));
    channel.dispatchEvent(new CustomEvent(sandboxActionEventName, { detail: { kind: "deal.deleted" } }));
    channel.dispatchEvent(new CustomEvent(sandboxActionEventName, { detail: "deal.created" }));
    stop();
    expect(handler).not.toHaveBeenCalled();
  });

  it("does nothing outside a browser", () => {
    expect(() => announceSandboxAction("deal.created")).not.toThrow();
    expect(() => listenForSandboxActions(() => {})()).not.toThrow();
  });
});
