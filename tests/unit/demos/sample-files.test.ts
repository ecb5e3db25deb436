// The import demo uploads the same file visitors can download from the import page: one content, two places
// (demos/ must be self-contained for demos:check; public/ is what the product serves).
import fs from "node:fs";
import { describe, expect, it } from "vitest";

describe("the import demo's sample CSV", () => {
  it("beside the demo is byte for byte the one the product offers for download", () => {
    expect(fs.readFileSync("demos/import-and-clean-up/contacts-to-clean.csv")).toEqual(
      fs.readFileSync("public/samples/contacts-to-clean.csv"),
    );
  });
});
