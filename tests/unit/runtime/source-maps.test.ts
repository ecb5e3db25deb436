// The production server runs without Node's source maps (they kept every build chunk's map in memory: +60 MB of
// RSS at rest) unless the operator asked for them; scripts/serve.ts decides with sourceMapsAsked.
import { describe, expect, it } from "vitest";
import { sourceMapsAsked } from "../../../scripts/serve";

describe("sourceMapsAsked", () => {
  it("is false when Node was started without --enable-source-maps", () => {
    expect(sourceMapsAsked({ execArgv: ["--import", "tsx"], env: {} })).toBe(false);
    expect(sourceMapsAsked({ execArgv: [], env: { NODE_OPTIONS: "--max-old-space-size=512" } })).toBe(false);
  });

  it("is true when the flag is on the command line or among NODE_OPTIONS", () => {
    expect(sourceMapsAsked({ execArgv: ["--enable-source-maps", "--import", "tsx"], env: {} })).toBe(true);
    expect(sourceMapsAsked({ execArgv: [], env: { NODE_OPTIONS: "--max-old-space-size=512  --enable-source-maps" } })).toBe(true);
  });
});
