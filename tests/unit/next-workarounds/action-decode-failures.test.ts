// npm start's guard: a 5xx that Next writes before any Server Action began is the sender's fault (arguments
// React could not decode) and becomes a 400; a 5xx after an action began is ours and stays a 5xx.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleGuardingServerActions, markServerActionStarted } from "@/lib/next-workarounds/action-decode-failures";

type Behaviour = (response: http.ServerResponse) => Promise<void> | void;
const behaviours: Record<string, Behaviour> = {
  // Next's two ways of answering: an explicit writeHead, or a status and a body written straight away.
  writeHead500: (response) => {
    response.writeHead(500, { "content-type": "text/x-component" });
    response.end('0:{"a":"$@1"}\n1:E{"digest":"123"}');
  },
  status500: (response) => {
    response.statusCode = 500;
    response.setHeader("content-type", "text/plain");
    response.end("Internal Server Error");
  },
  streamed500: async (response) => {
    response.statusCode = 500;
    response.write("first chunk ");
    await new Promise((resolve) => setTimeout(resolve, 5));
    response.write("second chunk");
    response.end();
  },
  actionFails: async (response) => {
    markServerActionStarted();
    await new Promise((resolve) => setTimeout(resolve, 5)); // the mark survives an await
    response.writeHead(500);
    response.end("our own bug");
  },
  fine: (response) => {
    response.writeHead(200, { "content-type": "text/plain" });
    response.end("ok");
  },
};

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((request, response) => {
    const behaviour = behaviours[new URL(request.url ?? "/", "http://x").searchParams.get("do") ?? "fine"] ?? behaviours.fine;
    // Like Next: read the body with await, then answer — the context follows the awaits.
    handleGuardingServerActions(request, response, async () => {
      for await (const _chunk of request);
      await behaviour?.(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const action = { method: "POST", headers: { "next-action": "7f".repeat(21), "content-type": "text/plain" }, body: '["$Q1"]' };
const form = { method: "POST", headers: { "content-type": "multipart/form-data; boundary=zz" }, body: "--zz--\r\n" };

async function call(does: string, init: RequestInit) {
  const response = await fetch(`${base}/s/x?do=${does}`, init);
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
}

describe("the Server Action guard", () => {
  it("turns Next's 500 for undecodable arguments into a 400 JSON error, however Next writes it", async () => {
    for (const does of ["writeHead500", "status500", "streamed500"]) {
      const answer = await call(does, action);
      expect(answer, does).toMatchObject({ status: 400, type: "application/json" });
      expect(JSON.parse(answer.body), does).toEqual({ error: "The Server Action's arguments could not be read" });
    }
  });

  it("answers a person's form post with a page instead", async () => {
    const answer = await call("status500", form);
    expect(answer).toMatchObject({ status: 400, type: "text/html; charset=utf-8" });
    expect(answer.body).toContain("That form could not be read");
    expect(answer.body).toContain("Choose a demo");
  });

  it("leaves a failure inside an action that began a 500, and everything else alone", async () => {
    expect(await call("actionFails", action)).toMatchObject({ status: 500, body: "our own bug" });
    expect(await call("status500", { method: "GET" })).toMatchObject({ status: 500, body: "Internal Server Error" });
    expect(await call("status500", { method: "POST", body: "x" })).toMatchObject({ status: 500 });
    expect(await call("fine", action)).toMatchObject({ status: 200, body: "ok" });
  });
});

// Static reads of the source: a Server Action that forgot to mark would pass every other test until a real 5xx
// inside it was answered 400. tests/unit/pipeline/form-action.test.ts checks the wrappers' marking by behaviour.
const wrapperModule = "lib/pipeline/form-action";
const wrappers = ["sandboxFormAction", "sandboxUploadAction", "controlFormAction", "sandboxAction"];

function sourceFiles(): string[] {
  return ["app", "components", "lib"].flatMap((dir) =>
    fs
      .readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((name) => /\.tsx?$/.test(name))
      .map((name) => path.join(dir, name)),
  );
}

/** The first capture of every match, in order. */
function captured(source: string, pattern: RegExp): string[] {
  return [...source.matchAll(pattern)].map((match) => match[1] ?? "");
}

describe("every Server Action", () => {
  it("marks that it began, first thing, or is made by a wrapper that does", () => {
    const files = sourceFiles().filter((file) => /^["']use server["']/m.test(fs.readFileSync(file, "utf8")));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      expect(source, `${file}: export each action by name`).not.toMatch(/^export\s+(\{|\*|default\b)/m);
      const exported = captured(source, /^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+(\w+)/gm);
      const marked = captured(source, /^export async function (\w+)\([^)]*\)[^{]*\{\n\s*markServerActionStarted\(\);/gm);
      const wrapped = captured(source, new RegExp(`^export const (\\w+) = (?:${wrappers.join("|")})\\(`, "gm"));
      for (const wrapper of new Set(captured(source, new RegExp(`^export const \\w+ = (${wrappers.join("|")})\\(`, "gm")))) {
        expect(source, `${file}: ${wrapper} must be the wrapper`).toMatch(
          new RegExp(`^import \\{[^}]*\\b${wrapper}\\b[^}]*\\} from "@/${wrapperModule}";`, "m"),
        );
      }
      expect(exported.length, file).toBeGreaterThan(0);
      expect([...marked, ...wrapped].sort(), file).toEqual([...exported].sort());
    }
  });

  it("is marked by the wrappers before they do anything else", () => {
    const source = fs.readFileSync(`${wrapperModule}.ts`, "utf8");
    for (const wrapper of wrappers) expect(source, wrapper).toMatch(new RegExp(`^export const \\{[^}]*\\b${wrapper}\\b[^}]*\\} =`, "m"));
    const made = captured(source, /return async function (\w+)/g);
    const marked = captured(source, /return async function (\w+)\([^)]*\)[^{]*\{\n\s*markServerActionStarted\(\);/g);
    expect(made).toHaveLength(wrappers.length);
    expect(marked).toEqual(made);
  });
});
