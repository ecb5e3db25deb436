// `npm run demos:check` catches what only a browser can see. Each test breaks the real product behind a small
// rewriting proxy (a CSS rule, an anchor moved to another page, a renamed button, a call to action that no
// longer renders) and runs the real checker against it with --base: it must fail with the step's
// demo.yaml:line:column, what it expected, what it found, a screenshot, and a non-zero exit. The demo is a copy
// of pipeline-basics without its personas (the same steps the server shows a visitor who chose none), in a
// temporary demos folder, so one path at one viewport is walked. The shipped demos passing is `npm test`'s own
// demos:check run. A walk's visitors are headless Chromium: the product files them as bots, out of rep views.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { controlQuery } from "./control-database";
import { expect, test } from "./fixtures";
import { type Rewrite, replaceEverywhere, startRewritingProxy } from "./rewriting-proxy";
import { cleanEnvironment } from "./worker-server";

const boardPath = /^\/s\/[A-Za-z0-9_-]+$/;

/** pipeline-basics without personas (and the two steps only they see), in a temporary demos folder. */
function demoCopy(): { demosDir: string; text: string } {
  const demosDir = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-walk-demos-"));
  fs.cpSync("demos/pipeline-basics", path.join(demosDir, "pipeline-basics"), { recursive: true });
  const file = path.join(demosDir, "pipeline-basics", "demo.yaml");
  const shipped = fs.readFileSync(file, "utf8");
  const text = shipped.replace("personas: [leader, rep]\n", "").replace(/ {2}- id: coach\n[\s\S]*?(?= {2}- id: create-deal\n)/, "");
  expect(text).not.toMatch(/^ *personas:/m);
  fs.writeFileSync(file, text);
  return { demosDir, text };
}

/** demos:check against the product as the proxy rewrites it; async, so this process's proxy keeps serving. */
async function checkThrough(upstream: string, rewrite: Rewrite): Promise<{ status: number | null; out: string; text: string }> {
  const { demosDir, text } = demoCopy();
  const proxy = await startRewritingProxy(upstream, rewrite);
  try {
    const args = ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/demos-check.ts"];
    const child = spawn(
      process.execPath,
      [...args, "--base", proxy.url, "--demo", "pipeline-basics", "--viewport", "desktop", "--no-record"],
      {
        env: { ...cleanEnvironment(), DEMOS_DIR: demosDir },
      },
    );
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.stderr.on("data", (chunk) => {
      out += chunk;
    });
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    return { status, out, text };
  } finally {
    await proxy.close();
    fs.rmSync(demosDir, { recursive: true, force: true });
  }
}

/** line:column of `needle` in the demo copy, `offset` characters into it. */
function positionOf(text: string, needle: string, offset = 0): string {
  const lines = text.split("\n");
  const line = lines.findIndex((row) => row.includes(needle));
  expect(line, `"${needle}" is in the demo`).toBeGreaterThanOrEqual(0);
  return `${line + 1}:${(lines[line] ?? "").indexOf(needle) + offset + 1}`;
}

function expectFailure(result: { status: number | null; out: string }, step: string, at: string, found: string | RegExp) {
  expect(result.out).toContain(`✗ pipeline-basics · everyone · desktop — failed at step ${step}`);
  expect(result.out).toContain(`pipeline-basics/demo.yaml:${at} — step ${step}`);
  const foundLine = result.out.split("\n").find((line) => line.trim().startsWith("found:")) ?? "";
  expect(foundLine).toMatch(found);
  const screenshot = /screenshot: (\S+)/.exec(result.out)?.[1] ?? "";
  expect(screenshot).toMatch(/^test-results\/demos\/pipeline-basics--everyone--desktop--.+\.png$/);
  expect(fs.existsSync(screenshot)).toBe(true);
  expect(result.status).toBe(1);
}

test.describe.configure({ timeout: 240_000 });

test("a target hidden by a CSS change fails at its target: line", async ({ server }) => {
  const since = Date.now();
  const result = await checkThrough(server.url, (body, { type }) =>
    type.includes("text/css") ? `${body}\n[data-tour="pipeline-total"]{visibility:hidden}\n` : body,
  );
  expectFailure(
    result,
    "total",
    positionOf(result.text, "target: pipeline-total", "target: ".length),
    /there but not visible: .*visibility: hidden/,
  );
  expect(result.out).toContain("expected: the anchor pipeline-total present, visible, inside the viewport and not covered");

  // The walk's visitor is headless Chromium: the product files it as a bot, which rep views leave out.
  const walked = await controlQuery<{ bot: number | boolean }>(server, "select bot from visitors where created_at >= ?", [since]);
  expect(walked.length).toBeGreaterThan(0);
  expect(walked.every((visitor) => Number(visitor.bot) === 1)).toBe(true);
});

test("a target moved to another page fails at its target: line", async ({ server }) => {
  const result = await checkThrough(server.url, (body, { path: page, type }) => {
    if (!/html|x-component/.test(type)) return body;
    if (boardPath.test(page)) return replaceEverywhere(body, ["data-tour", "pipeline-total"], ["data-gone", "pipeline-total"]);
    if (page.endsWith("/forecast")) return body.replace("<h1", '<h1 data-tour="pipeline-total"');
    return body;
  });
  expectFailure(
    result,
    "total",
    positionOf(result.text, "target: pipeline-total", "target: ".length),
    /no such element on \/s\/[A-Za-z0-9_-]+ after/,
  );
});

test("a do: recipe whose control was renamed fails at that recipe line, naming what is there", async ({ server }) => {
  const result = await checkThrough(server.url, (body, { type }) =>
    /html|x-component|javascript/.test(type) ? body.split("Create deal").join("Submit deal") : body,
  );
  expectFailure(
    result,
    "create-deal",
    positionOf(result.text, "click: { role: button, name: Create deal }"),
    /the button “Create deal” is not on \/s\/[A-Za-z0-9_-]+\/deals\/new; the buttons there: .*“Submit deal”/,
  );
  expect(result.out).toContain("expected: to click the button “Create deal”");
});

test("a call to action that no longer renders fails at the cta step", async ({ server }) => {
  const result = await checkThrough(server.url, (body, { type }) =>
    /html|x-component/.test(type) ? body.split('\\"cta\\":{').join('\\"ctx\\":{').split('"cta":{').join('"ctx":{') : body,
  );
  expectFailure(
    result,
    "human",
    positionOf(result.text, "    kind: cta", "    kind: ".length),
    /no call-to-action link in the step; its buttons: .*“Keep exploring”/,
  );
  expect(result.out).toMatch(/expected: the call to action “Talk to our team” linking to mailto:/);
});
