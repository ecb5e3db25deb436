// What the host page hears from an embedded demo: the documented events, version 1, ids and positions only,
// and only when the page really is in a frame whose embedding page the server named.
import { describe, expect, it } from "vitest";
import { embeddingOrigin, embedEventFor, setEmbeddingOrigin } from "@/components/embed/host-events";
import { embedEventOfSignal } from "@/lib/contracts/embed-events";

describe("the host page's events", () => {
  it("names each of the tour's signals as documented", () => {
    expect(embedEventOfSignal).toEqual({
      "tour.started": "demo.started",
      "step.viewed": "step.viewed",
      "step.completed": "step.completed",
      "tour.finished": "demo.finished",
      "cta.clicked": "cta.clicked",
      handraise: "hand.raised",
    });
  });

  it("carries ids and positions, never a signal's props (a CTA's address, an answer's label)", () => {
    const signal = {
      type: "cta.clicked" as const,
      demo: "pipeline-basics",
      step: "talk",
      stepIndex: 6,
      props: { url: "https://x.example/?email=a@b.c" },
    };
    expect(embedEventFor(signal)).toEqual({
      source: "openhouse",
      version: 1,
      type: "cta.clicked",
      demo: "pipeline-basics",
      step: "talk",
      stepIndex: 6,
    });
  });

  it.each(["demo.viewed", "sandbox.action", "tour.choice", "tour.navigated", "tour.closed", "step.target_missing"] as const)(
    "keeps %s to itself",
    (type) => {
      expect(embedEventFor({ type, demo: "pipeline-basics" })).toBeUndefined();
    },
  );

  it("is only for a page in a frame, once the server named the embedding page", () => {
    const framed = { parent: {} as Window };
    setEmbeddingOrigin(undefined);
    expect(embeddingOrigin(framed)).toBeUndefined();
    setEmbeddingOrigin("https://www.example.com");
    expect(embeddingOrigin(framed)).toBe("https://www.example.com");
    const own = {} as { parent: Window };
    own.parent = own as unknown as Window;
    expect(embeddingOrigin(own)).toBeUndefined();
    setEmbeddingOrigin(undefined);
  });
});
