// The checker's record in a real control database: each walk is kept, the studio reads the latest per demo,
// and a run with a failed path is not ok.
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { latestCheckRuns, recordCheckRun } from "@/lib/demos/check-runs";
import { installRuntime } from "@/lib/runtime/runtime";

const runtime = installRuntime({});
beforeAll(() => migrateControlPlane());
afterAll(() => runtime.close());

const desktop = { path: "everyone", viewport: "desktop" as const, ok: true, steps: 7 };

it("keeps every walk and gives the latest per demo, failed when a path failed", async () => {
  await recordCheckRun({
    slug: "alpha",
    checkedAt: new Date(1_000),
    baseUrl: "http://127.0.0.1:3000",
    durationMs: 900,
    paths: [desktop],
    failures: [],
  });
  const failure = {
    path: "everyone",
    viewport: "phone" as const,
    stepId: "open-deal",
    location: "demos/alpha/demo.yaml:12:5",
    expected: "the target deal-card visible in the viewport",
    found: "covered by the element <div class=sheet>",
    screenshot: "test-results/demos/alpha-open-deal-phone.png",
  };
  await recordCheckRun({
    slug: "alpha",
    checkedAt: new Date(2_000),
    baseUrl: "http://127.0.0.1:3000",
    durationMs: 950,
    paths: [desktop, { ...desktop, viewport: "phone", ok: false }],
    failures: [failure],
  });
  await recordCheckRun({
    slug: "beta",
    checkedAt: new Date(1_500),
    baseUrl: "https://demo.example.com",
    durationMs: 400,
    paths: [desktop],
    failures: [],
  });

  const latest = await latestCheckRuns();
  expect([...latest.keys()].sort()).toEqual(["alpha", "beta"]);
  expect(latest.get("alpha")).toMatchObject({ ok: false, checkedAt: new Date(2_000), failures: [failure] });
  expect(latest.get("beta")).toMatchObject({ ok: true, baseUrl: "https://demo.example.com" });
});

it("refuses a malformed run instead of storing it", async () => {
  await expect(
    recordCheckRun({ slug: "", checkedAt: new Date(), baseUrl: "x", durationMs: -1, paths: [], failures: [] }),
  ).rejects.toThrow();
});
