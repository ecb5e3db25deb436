import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { headAnswer, publicFilePaths } from "@/lib/next-workarounds/head-requests";

const publicFiles = new Set(["/samples/contacts.csv"]);

describe("HEAD", () => {
  it.each(["/try/pipeline-basics", "/studio/preview/pipeline-basics", "/sales/visitors/abc/sandbox", "/s/abc", "/", "/nope"])(
    "is answered for the page %s without running it",
    (url) => {
      expect(headAnswer("HEAD", `${url}?persona=leader`, publicFiles)).toEqual({
        status: 200,
        headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
        body: "",
      });
    },
  );

  it("is left to Next for what only reads: build files, the public folder, root-level files and the APIs", () => {
    for (const url of ["/_next/static/chunks/a.js", "/samples/contacts.csv", "/icon.svg", "/api/sales/visitors", "/api/auth/get-session"]) {
      expect(headAnswer("HEAD", url, publicFiles), url).toBeUndefined();
    }
  });

  it("leaves every other method alone", () => {
    for (const method of ["GET", "POST", undefined]) expect(headAnswer(method, "/try/pipeline-basics", publicFiles)).toBeUndefined();
  });

  it("knows the public folder's files by the paths they are served at", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "public-"));
    fs.mkdirSync(path.join(dir, "samples"));
    fs.writeFileSync(path.join(dir, "samples", "a b.csv"), "x");
    fs.writeFileSync(path.join(dir, "robots.txt"), "x");
    expect(publicFilePaths(dir)).toEqual(new Set(["/samples/a b.csv", "/robots.txt"]));
    expect(headAnswer("HEAD", "/samples/a%20b.csv", publicFilePaths(dir))).toBeUndefined();
    expect(publicFilePaths(path.join(dir, "missing")).size).toBe(0);
    fs.rmSync(dir, { recursive: true });
  });
});
