// The tour's client JavaScript stays inside its budget (≤ 10 kB gzip, issue #9): every visitor downloads it. A
// feature that pushes it over fails here, not weeks later in `npm run bench:tour` (it grew to 10.1 kB unnoticed
// once). Bundled as the bench bundles it: esbuild --minify, gzip -9, React, Next and the tracker left out.
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { bundleTour, tourGzipTarget } from "../../../bench/tour-bundle";

describe("the tour's client JavaScript", () => {
  it("is within its gzip budget", async () => {
    const js = await bundleTour(path.resolve(import.meta.dirname, "../../.."));
    expect(js.length).toBeGreaterThan(10_000);
    expect(zlib.gzipSync(js, { level: 9 }).length).toBeLessThanOrEqual(tourGzipTarget);
  });
});
