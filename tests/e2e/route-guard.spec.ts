// Every team route goes through the one guard. This walks the sources for every page, route handler and
// server action under /sales, /api/sales and /studio, and asks each over real HTTP as a stranger (with a
// forged session cookie, so the proxy's cookie check lets it through to the guard) and as a role that may not
// use it (a marketer for the sales workspace, a rep for the studio and team management). A route added without
// the guard fails here; so does one this file cannot reach.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { permissionForPath } from "../../lib/auth/roles";
import { expect, test } from "./fixtures";
import { openAsRep } from "./helpers";
import { contextAs } from "./sign-in-as";
import { marketer } from "./team";

const areas = ["app/sales", "app/api/sales", "app/studio", "app/api/studio"];
/** Pages anyone may open: the way in. */
const publicPages = new Set(["/sales/sign-in"]);
/** Handlers stricter than their area (team management): the role below the bar is a rep, not a marketer. */
const adminOnly = new Set([
  "POST /api/sales/team",
  "PATCH /api/sales/team/[member]",
  "DELETE /api/sales/team/[member]",
  "GET /api/sales/webhooks",
  "POST /api/sales/webhooks",
  "PATCH /api/sales/webhooks/[webhook]",
  "DELETE /api/sales/webhooks/[webhook]",
]);
/** The studio is for marketers and admins: the role below its bar is a rep. */
const isStudio = (route: string) => permissionForPath(route) === "studio";
const madeUpId = "AAAAAAAAAAAAAAAAAAAAAA";
const forgedSession = { cookie: "better-auth.session_token=forged.session-token-value" };

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const files = areas.flatMap(walk);

/** The route a file serves: route groups dropped, dynamic segments kept as [name]. */
function routeOf(file: string): string {
  return `/${path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .join("/")}`;
}
const urlOf = (route: string) => route.replace(/\[\[?\.{0,3}[^\]]+\]\]?/g, madeUpId);

const pages = files.filter((file) => path.basename(file) === "page.tsx").map(routeOf);
const handlers = files
  .filter((file) => path.basename(file) === "route.ts")
  .flatMap((file) =>
    // Methods a file really handles (a function, or the team route wrapper); those assigned methodNotAllowed
    // answer 405 without reading anything.
    [
      ...fs
        .readFileSync(file, "utf8")
        .matchAll(/export (?:async function (GET|POST|PUT|PATCH|DELETE)\b|const (GET|POST|PUT|PATCH|DELETE) = teamRoute\()/g),
    ].map((match) => `${match[1] ?? match[2]} ${routeOf(file)}`),
  );
const actionFiles = files.filter((file) => /\.(ts|tsx)$/.test(file) && /^\s*["']use server["']/m.test(fs.readFileSync(file, "utf8")));

async function send(request: APIRequestContext, method: string, url: string, headers: Record<string, string> = {}) {
  return request.fetch(url, {
    method,
    headers: { ...headers, ...(method === "GET" ? {} : { "content-type": "application/json" }) },
    data: method === "GET" ? undefined : "{}",
    maxRedirects: 0,
  });
}

const guardCall = /\b(requireRole|requireTeamMember|teamRoute)\(/;

test("every page, handler and action file calls the guard itself", () => {
  // Over HTTP a page inside the workspace layout is also refused by the layout's guard; but layouts render in
  // parallel with pages and are skipped on client-side navigation, so each entry point must check by itself.
  const entryPoints = files.filter((file) => ["page.tsx", "route.ts"].includes(path.basename(file)) && !publicPages.has(routeOf(file)));
  const unguarded = [...entryPoints, ...actionFiles].filter((file) => !guardCall.test(fs.readFileSync(file, "utf8")));
  expect(unguarded).toEqual([]);
});

test("every team API method is written one way: teamRoute, or a 405", () => {
  // teamRoute (lib/http/team-route.ts) runs the guard, reads the body and answers errors in one shape.
  const apiFiles = files.filter((file) => path.basename(file) === "route.ts" && file.startsWith("app/api/"));
  const otherwise = apiFiles.flatMap((file) =>
    fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("export "))
      .filter(
        (line) => !/^export const (GET|POST|PUT|PATCH|DELETE) = (teamRoute\(|methodNotAllowed\(|(GET|POST|PUT|PATCH|DELETE);$)/.test(line),
      )
      .map((line) => `${file}: ${line}`),
  );
  expect(apiFiles.length).toBeGreaterThan(10);
  expect(otherwise).toEqual([]);
});

test("the walk finds the workspace's pages, handlers and actions", () => {
  expect(pages).toEqual(
    expect.arrayContaining([
      "/sales",
      "/sales/accounts",
      "/sales/links",
      "/sales/team",
      "/sales/visitors/[visitor]/sandbox",
      "/studio",
      "/studio/demos/[slug]",
    ]),
  );
  expect(handlers).toEqual(
    expect.arrayContaining([
      "GET /api/sales/visitors",
      "POST /api/sales/links",
      "DELETE /api/sales/team/[member]",
      "GET /api/studio/demos",
      "GET /api/studio/demo-version",
    ]),
  );
  expect(handlers).toEqual(expect.arrayContaining(["PATCH /api/studio/preview/[sandbox]"]));
  expect(pages).toEqual(expect.arrayContaining(["/studio/preview/[slug]"]));
  expect(actionFiles.length).toBeGreaterThan(0);
});

test("every page refuses a stranger and a role that may not use it", async ({ browser, baseURL, request }) => {
  const marketerContext = await contextAs(browser, baseURL ?? "", marketer);
  const { context: repContext } = await openAsRep(browser, "/sales");
  for (const route of pages.filter((candidate) => !publicPages.has(candidate))) {
    const url = urlOf(route);
    const stranger = await request.get(url, { headers: forgedSession, maxRedirects: 0 });
    expect(stranger.status(), `${route} as a stranger`).toBeGreaterThanOrEqual(300);
    expect(stranger.status(), `${route} as a stranger`).toBeLessThan(400);
    expect(stranger.headers().location ?? "", `${route} as a stranger`).toContain("/sales/sign-in");
    const wrong = isStudio(route) ? repContext : marketerContext;
    const wrongRole = await wrong.request.get(url, { maxRedirects: 0 });
    expect(wrongRole.status(), `${route} as ${isStudio(route) ? "a rep" : "a marketer"}`).toBe(403);
  }
  await Promise.all([marketerContext.close(), repContext.close()]);
});

test("every handler refuses a stranger and a wrong role with a JSON error", async ({ browser, baseURL, request }) => {
  const marketerContext = await contextAs(browser, baseURL ?? "", marketer);
  const { context: repContext } = await openAsRep(browser, "/sales");
  for (const handler of handlers) {
    const [method = "GET", route = "/"] = handler.split(" ");
    const url = urlOf(route);
    const stranger = await send(request, method, url, forgedSession);
    expect(stranger.status(), `${handler} as a stranger`).toBe(401);
    expect(((await stranger.json()) as { error?: unknown }).error, handler).toEqual(expect.any(String));
    const byRep = adminOnly.has(handler) || isStudio(route);
    const refused = await send((byRep ? repContext : marketerContext).request, method, url);
    expect(refused.status(), `${handler} as ${byRep ? "a rep" : "a marketer"}`).toBe(403);
    expect(((await refused.json()) as { error?: unknown }).error, handler).toEqual(expect.any(String));
  }
  await marketerContext.close();
  await repContext.close();
});

test("every server action refuses a stranger and a role that may not use it", async ({ browser, baseURL, request }) => {
  // Action ids come from the build's manifest, keyed by the file that defines them.
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  const marketerContext = await contextAs(browser, baseURL ?? "", marketer);
  for (const file of actionFiles) {
    const actions = Object.entries(manifest.node).filter(([, entry]) => entry.filename === file);
    expect(actions.length, `${file} has no action in the build`).toBeGreaterThan(0);
    for (const [id, entry] of actions) {
      const page = Object.keys(entry.workers).find((worker) => worker.endsWith("/page")) ?? "";
      const url = urlOf(routeOf(`${page}.tsx`));
      const headers = { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" };
      const stranger = await request.post(url, {
        headers: { ...headers, ...forgedSession },
        data: JSON.stringify([madeUpId]),
        maxRedirects: 0,
      });
      // Next answers an action's redirect() with 200 and the target in x-action-redirect.
      const sentTo = stranger.headers()["x-action-redirect"] ?? stranger.headers().location ?? "";
      expect(sentTo, `${entry.exportedName} as a stranger`).toContain("/sales/sign-in");
      const wrong = isStudio(url) ? (await openAsRep(browser, "/sales")).context : marketerContext;
      const refused = await wrong.request.post(url, { headers, data: JSON.stringify([madeUpId]), maxRedirects: 0 });
      expect(refused.status(), `${entry.exportedName} as ${isStudio(url) ? "a rep" : "a marketer"}`).toBe(403);
      if (wrong !== marketerContext) await wrong.close();
    }
  }
  await marketerContext.close();
});
