// A demo embedded in another site's page (issue #21), with two real sites on loopback: the marketing page on
// http://localhost:<spare port> (the worker server's EMBED_ORIGINS) and Openhouse on http://127.0.0.1:<port>,
// different sites to the browser, so the frame is a third party as on the web. The visitor sees a poster that
// provisions nothing, starts the tour in place, creates a deal, comes back on a reload; the host page hears the
// events in order; a site not on the list, a browser that keeps no cookie for the frame, and the workspace in
// a frame each get what the issue promises.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium, type FrameLocator, type Page } from "@playwright/test";
import { chromiumPath } from "@/lib/chromium-path";
import { loadConfig } from "@/lib/config";
import { controlQuery } from "./control-database";
import { expect, test, type WorkerServer } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { contextAs } from "./sign-in-as";
import { marketer } from "./team";

type HostSite = { origin: string; stop: () => void };

/** Openhouse as the host page reaches it: 127.0.0.1, another site than the page's localhost. */
const openhouse = (server: WorkerServer) => `http://127.0.0.1:${server.port}`;

/** A plain marketing page: the snippet the studio hands out, and a listener for the loader's window events. */
function hostPage(server: WorkerServer, body: string, app = openhouse(server)): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme pricing</title></head>
<body><main><h1>Acme pricing</h1><p>Our plans, and the product itself below.</p>${body}</main>
<script>window.openhouseEvents = []; addEventListener("openhouse", function (event) { openhouseEvents.push(event.detail); });</script>
<script async src="${app}/embed.js"></script></body></html>`;
}

const demoSnippet = (server: WorkerServer) =>
  `<div data-openhouse-demo="pipeline-basics" data-persona="rep"><a href="${openhouse(server)}/try/pipeline-basics">Try the Pipeline demo</a></div>`;

/** A site serving `pages` by path (any other path gets the first page). */
async function startHost(port: number, pages: Record<string, string>): Promise<HostSite> {
  const site = http.createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(pages[path] ?? Object.values(pages)[0]);
  });
  await new Promise<void>((resolve) => site.listen(port, resolve));
  return {
    origin: `http://localhost:${(site.address() as AddressInfo).port}`,
    stop: () => {
      site.closeAllConnections();
      site.close();
    },
  };
}

const centerSnippet = (server: WorkerServer) => `<div data-openhouse-center><a href="${openhouse(server)}/">See our demos</a></div>`;

const demoFrame = (page: Page): FrameLocator => page.frameLocator("[data-openhouse-demo] iframe");
const popover = (frame: FrameLocator) => frame.getByTestId("tour-popover");

async function expectStep(frame: FrameLocator, title: string): Promise<void> {
  await expect(popover(frame).getByRole("heading", { name: title })).toBeVisible();
}

async function count(server: WorkerServer, table: "sandboxes" | "visitors"): Promise<number> {
  const [row] = await controlQuery<{ n: number | string }>(server, `select count(*) as n from ${table}`);
  return Number(row?.n ?? 0);
}

type HostEvent = { source: string; version: number; type: string; demo: string; step?: string; stepIndex?: number };
const hostEvents = (page: Page) => page.evaluate(() => (window as unknown as { openhouseEvents: HostEvent[] }).openhouseEvents);

test.describe.configure({ timeout: 240_000 });

let host: HostSite;
test.beforeAll(async ({ server }) => {
  host = await startHost(server.sparePort, {
    "/pricing": hostPage(server, demoSnippet(server)),
    "/demos": hostPage(server, centerSnippet(server)),
    "/insecure": hostPage(server, demoSnippet(server), `http://openhouse.test:${server.port}`),
    // The workspace's own address: a visitor who is not signed in is sent on to sign-in, which is refused too.
    "/framed-sales": hostPage(server, `<iframe id="workspace" title="Workspace" src="${openhouse(server)}/sales"></iframe>`),
  });
  // The worker server lets exactly this site embed (worker-server.ts).
  expect(loadConfig(server.env).embedOrigins).toEqual([host.origin]);
});
test.afterAll(() => host.stop());

test("a poster until the click, then the tour in the frame; a deal; the host hears each event; a reload resumes", async ({
  page,
  server,
}) => {
  const before = { sandboxes: await count(server, "sandboxes"), visitors: await count(server, "visitors") };
  const appScripts: string[] = [];
  page.on("request", (request) => {
    if (request.url().startsWith(openhouse(server)) && request.resourceType() === "script" && !request.url().endsWith("/embed.js"))
      appScripts.push(request.url());
  });

  await page.goto(`${host.origin}/pricing?utm_source=newsletter&utm_campaign=spring&token=secret-value`);
  const frame = demoFrame(page);
  await expect(frame.getByRole("heading", { name: "Pipeline basics" })).toBeVisible();
  await expect(frame.getByRole("button", { name: "Start the demo" })).toBeVisible();
  await expect(page.locator("[data-openhouse-demo]")).toHaveAttribute("data-openhouse-state", "framed");
  // The frame is as tall as the poster: the host page shows no second scroll bar.
  const poster = page.frames().find((candidate) => candidate.url().startsWith(`${openhouse(server)}/embed/demo/`));
  const posterHeight = await poster?.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await expect
    .poll(async () => Math.round((await page.locator("[data-openhouse-demo] iframe").boundingBox())?.height ?? 0))
    .toBe(posterHeight);
  expect(await poster?.evaluate(() => document.documentElement.scrollHeight <= document.documentElement.clientHeight)).toBe(true);
  await expectNoAxeViolations(page);

  // The poster made nothing and loaded none of the app's JavaScript.
  expect(await count(server, "sandboxes")).toBe(before.sandboxes);
  expect(await count(server, "visitors")).toBe(before.visitors);
  expect(appScripts).toEqual([]);
  expect((await page.context().cookies(openhouse(server))).map((cookie) => cookie.name)).toEqual([]);

  await frame.getByRole("button", { name: "Start the demo" }).click();
  await expectStep(frame, "Welcome to Pipeline");
  await expectNoAxeViolations(page);
  await popover(frame).getByRole("button", { name: "Start the tour" }).click();
  await expectStep(frame, "Every deal, by stage");
  await popover(frame).getByRole("button", { name: "Next" }).click();
  await expectStep(frame, "Your pipeline in one number");
  await popover(frame).getByRole("button", { name: "Next" }).click();
  // The snippet's data-persona="rep" takes the rep's branch.
  await expectStep(frame, "Your next move, always in sight");
  await popover(frame).getByRole("button", { name: "Next" }).click();
  await expectStep(frame, "Add a deal of your own");

  await frame.locator("[data-tour=new-deal-button]").click();
  await frame.getByLabel("Deal name").fill("Embedded renewal");
  await frame.getByLabel("Company").selectOption({ label: "Globex" });
  await frame.getByLabel("Amount (USD)").fill("40000");
  await frame.getByRole("button", { name: "Create deal" }).click();
  await expectStep(frame, "Move it forward");
  await expectNoAxeViolations(page);

  // The sandbox is bound by the embed's cookie: partitioned under the host's site, SameSite=None, Secure.
  const cookie = (await page.context().cookies(openhouse(server))).find((candidate) => candidate.name === "oh_visitor");
  expect(cookie).toMatchObject({ sameSite: "None", secure: true, httpOnly: true, partitionKey: "http://localhost" });

  // The host page heard the tour, in order, with ids and positions only.
  const expected = [
    "demo.started:welcome",
    "step.viewed:welcome",
    "step.completed:welcome",
    "step.viewed:board",
    "step.completed:board",
    "step.viewed:total",
    "step.completed:total",
    "step.viewed:next-move",
    "step.completed:next-move",
    "step.viewed:create-deal",
    "step.completed:create-deal",
    "step.viewed:move-stage",
  ];
  await expect.poll(async () => (await hostEvents(page)).map((event) => `${event.type}:${event.step ?? ""}`)).toEqual(expected);
  for (const event of await hostEvents(page)) {
    expect(Object.keys(event).every((key) => ["source", "version", "type", "demo", "step", "stepIndex"].includes(key))).toBe(true);
    expect(event).toMatchObject({ source: "openhouse", version: 1, demo: "pipeline-basics" });
  }

  // Where they came from: the host page without its query, and its campaign; never the query's secret.
  const visitorId = decodeURIComponent(cookie?.value ?? "").split(".")[0] ?? "";
  const [visitor] = await controlQuery<{ source: string | Record<string, string> }>(server, "select source from visitors where id = ?", [
    visitorId,
  ]);
  const source = typeof visitor?.source === "string" ? JSON.parse(visitor.source) : visitor?.source;
  expect(source).toEqual({ utm_source: "newsletter", utm_campaign: "spring", embedded: `${host.origin}/pricing` });

  // A reload of the host page brings them back to their copy, at their step, with their deal.
  const sandboxes = await count(server, "sandboxes");
  await page.reload();
  await expectStep(demoFrame(page), "Move it forward");
  await expect(demoFrame(page).getByText("Embedded renewal").first()).toBeVisible();
  expect(await count(server, "sandboxes")).toBe(sandboxes);
});

test("Talk to a human works in the frame: its panel fits inside, the booking link opens a new tab, the host hears the hand", async ({
  page,
}) => {
  await page.goto(`${host.origin}/pricing`);
  const frame = demoFrame(page);
  await frame.getByRole("button", { name: "Start the demo" }).click();
  await expectStep(frame, "Welcome to Pipeline");
  await frame.getByRole("button", { name: "Talk to a human" }).click();
  const panel = frame.getByTestId("conversation-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId("booking-link")).toHaveAttribute("target", "_blank");
  // The frame grows to hold the panel (no scroll bar inside it): every edge of the panel lies within the frame's.
  const iframe = page.locator("[data-openhouse-demo] iframe");
  await expect
    .poll(async () => {
      const [outer, inner] = [await iframe.boundingBox(), await panel.boundingBox()];
      if (!outer || !inner) return false;
      return (
        inner.x >= outer.x &&
        inner.y >= outer.y &&
        inner.x + inner.width <= outer.x + outer.width + 0.5 &&
        inner.y + inner.height <= outer.y + outer.height + 0.5
      );
    })
    .toBe(true);
  await expect.poll(async () => (await hostEvents(page)).map((event) => event.type)).toContain("hand.raised");
  await expectNoAxeViolations(page);
});

test("on a phone, the click brings the demo into view with its first step on screen (the frame is never taller than the window)", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${host.origin}/pricing`);
  const frame = demoFrame(page);
  await frame.getByRole("button", { name: "Start the demo" }).click();
  await expectStep(frame, "Welcome to Pipeline");
  // The tour's bottom sheet is fixed to the frame's viewport; the product's board is taller than the phone.
  const iframe = page.locator("[data-openhouse-demo] iframe");
  const onScreen = async () => {
    const [frameBox, sheet] = [await iframe.boundingBox(), await popover(frame).boundingBox()];
    if (!frameBox || !sheet) return "not laid out";
    if (frameBox.height > 740.5) return `frame ${frameBox.height}px tall`;
    return sheet.y >= -0.5 && sheet.y + sheet.height <= 740.5 ? "on screen" : `sheet at ${sheet.y}–${sheet.y + sheet.height}`;
  };
  await expect.poll(onScreen).toBe("on screen");
  await expect(popover(frame).getByRole("button", { name: "Start the tour" })).toBeInViewport();
  await context.close();
});

test("a site not in EMBED_ORIGINS gets no frame: its link opens the demo in a new tab, which works as /try does", async ({
  page,
  server,
}) => {
  const elsewhere = await startHost(0, { "/": hostPage(server, demoSnippet(server)), "/demos": hostPage(server, centerSnippet(server)) });
  try {
    await page.goto(`${elsewhere.origin}/?utm_source=partner`);
    const snippet = page.locator("[data-openhouse-demo]");
    await expect(snippet).toHaveAttribute("data-openhouse-state", "new-tab");
    await expect(snippet.locator("iframe")).toHaveCount(0);
    const link = snippet.getByRole("link", { name: "Try the Pipeline demo (opens in a new tab)" });
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("href", `${openhouse(server)}/try/pipeline-basics?persona=rep&utm_source=partner`);
    const [opened] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
    await opened.waitForURL(/\/s\/[A-Za-z0-9_-]{22}$/);
    await expect(opened.getByTestId("tour-popover").getByRole("heading", { name: "Welcome to Pipeline" })).toBeVisible();
    // The demo center's snippet falls back to its link the same way.
    await page.goto(`${elsewhere.origin}/demos`);
    await expect(page.locator("[data-openhouse-center]")).toHaveAttribute("data-openhouse-state", "new-tab");
    await expect(page.locator("[data-openhouse-center] iframe")).toHaveCount(0);
  } finally {
    elsewhere.stop();
  }
});

/**
 * A browser that keeps no cookie for the frame at all. The suite's Chromium blocks third-party cookies (its
 * contexts are off the record, like Incognito) but keeps partitioned ones, as CHIPS intends; so here Openhouse is
 * reached under a name that is not loopback (openhouse.test, mapped to 127.0.0.1) over plain HTTP, where the
 * browser refuses every `Secure` cookie — the embed's included — as it would on a site without HTTPS.
 */
async function launchKeepingNoFrameCookie(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(process.env),
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--host-resolver-rules=MAP openhouse.test 127.0.0.1"],
  });
}

test("where the browser keeps no cookie for the frame, the embed says so and opens a working new tab", async ({ server }) => {
  const browser = await launchKeepingNoFrameCookie();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const before = await count(server, "sandboxes");
    await page.goto(`${host.origin}/insecure`);
    const frame = demoFrame(page);
    await frame.getByRole("button", { name: "Start the demo" }).click();
    await expect(frame.getByRole("heading", { name: "This demo needs a new tab in your browser" })).toBeVisible();
    await expect(frame.getByText("Your browser keeps no cookies for demos shown inside another site's page")).toBeVisible();
    // Nothing was made for a frame that could not have found it again.
    expect(await count(server, "sandboxes")).toBe(before);
    await expectNoAxeViolations(page);
    const [opened] = await Promise.all([
      context.waitForEvent("page"),
      frame.getByRole("link", { name: /Open the demo in a new tab/ }).click(),
    ]);
    await opened.waitForURL(/\/s\/[A-Za-z0-9_-]{22}$/);
    await expect(opened.getByTestId("tour-popover").getByRole("heading", { name: "Welcome to Pipeline" })).toBeVisible();
  } finally {
    await browser.close();
  }
});

test("the workspace, the studio and sign-in refuse to be framed, even by a site allowed to embed demos", async ({ page, server }) => {
  for (const path of ["/sales", "/sales/sign-in", "/studio"]) {
    const response = await page.request.get(`${openhouse(server)}${path}`, { maxRedirects: 0 });
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  }
  const refused = page.waitForEvent("console", (message) => message.text().includes("frame-ancestors 'none'"));
  await page.goto(`${host.origin}/framed-sales`);
  await refused;
  // The browser refused it: the frame holds its error page, never the sign-in form.
  await expect(page.frameLocator("#workspace").getByLabel("Email")).toHaveCount(0);
});

test("oEmbed: a demo's address answers a frame of its poster, which names the endpoint; other addresses 404", async ({
  request,
  server,
}) => {
  const base = openhouse(server);
  const poster = await request.get(`${base}/embed/demo/pipeline-basics`);
  expect(poster.status()).toBe(200);
  const discovery = (await poster.text()).match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/)?.[1];
  expect(discovery).toBeDefined();
  const answer = await request.get((discovery ?? "").replace(/&amp;/g, "&"));
  expect(answer.status()).toBe(200);
  const body = await answer.json();
  expect(body).toMatchObject({
    version: "1.0",
    type: "rich",
    provider_name: "Openhouse",
    title: "Pipeline basics",
    width: 800,
    height: 480,
  });
  expect(body.html).toContain(`<iframe src="${base}/embed/demo/pipeline-basics"`);

  const narrow = await request.get(`${base}/oembed?url=${encodeURIComponent(`${base}/try/pipeline-basics`)}&maxwidth=360&format=json`);
  expect(await narrow.json()).toMatchObject({ width: 360 });
  const center = await request.get(`${base}/oembed?url=${encodeURIComponent(`${base}/`)}`);
  expect((await center.json()).html).toContain(`${base}/embed/center`);

  for (const url of [`${base}/embed/demo/no-such-demo`, `${base}/sales`, "https://elsewhere.example/try/pipeline-basics"]) {
    const refused = await request.get(`${base}/oembed?url=${encodeURIComponent(url)}`);
    expect(refused.status(), url).toBe(404);
    expect(await refused.json()).toHaveProperty("error");
  }
});

test("the demo center embeds the gallery, filterable by role and stage, and starts a demo in place", async ({ page }) => {
  await page.goto(`${host.origin}/demos`);
  const frame = page.frameLocator("[data-openhouse-center] iframe");
  await expect(frame.getByRole("heading", { name: "Try the product yourself" })).toBeVisible();
  await expect(frame.getByRole("heading", { name: "Pipeline basics" })).toBeVisible();
  await frame.getByLabel("Where you are").selectOption({ label: "Ready to decide" });
  await frame.getByRole("button", { name: "Show demos" }).click();
  await expect(frame.getByRole("status")).toBeVisible();
  await expect(frame.getByRole("heading", { name: "Pipeline basics" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await frame.getByLabel("Where you are").selectOption({ label: "Any stage" });
  await frame.getByLabel("Your role").selectOption({ label: "Sales leader" });
  await frame.getByRole("button", { name: "Show demos" }).click();
  await frame.getByRole("button", { name: "Start the demo: Pipeline basics" }).click();
  await expect(popover(frame).getByRole("heading", { name: "Welcome to Pipeline" })).toBeVisible();
});

test("the studio's Embed section: the snippet, a copy button and the snippet live on a blank page", async ({ browser, server }) => {
  const context = await contextAs(browser, server.url, marketer);
  const page = await context.newPage();
  await page.goto("/studio/demos/pipeline-basics");
  const section = page.getByRole("region", { name: "Embed" });
  await expect(section.getByLabel("Embed snippet for Pipeline basics")).toHaveValue(/^<div data-openhouse-demo="pipeline-basics">/);
  await expect(section.getByLabel("Embed snippet for Pipeline basics")).toHaveValue(
    /<script async src="http:\/\/localhost:\d+\/embed\.js"><\/script>$/,
  );
  await expect(section.getByRole("button", { name: "Copy snippet" })).toBeVisible();
  const preview = page.frameLocator(".embed-preview").frameLocator("[data-openhouse-demo] iframe");
  await expect(preview.getByRole("heading", { name: "Pipeline basics" })).toBeVisible();
  await expect(preview.getByRole("button", { name: "Start the demo" })).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});

/** Visitors at `stage` in the funnel table captioned `caption` on the page (0 when the page has no such table). */
async function funnelVisitors(page: Page, caption: string, stage = "started"): Promise<number> {
  const table = page.getByRole("table", { name: caption, exact: true });
  if ((await table.count()) === 0) return 0;
  return Number(await table.locator(`tr[data-stage='${stage}']`).getByTestId("visitors").textContent());
}

test("the studio's funnel counts a visitor from the embed under its site and one who came directly as direct, and narrows to either", async ({
  browser,
  server,
}) => {
  const site = new URL(host.origin).host;
  const studio = await contextAs(browser, server.url, marketer);
  const page = await studio.newPage();
  await page.goto("/studio/demos/pipeline-basics");
  // This file's earlier tests started demos from the embed too: count from here on.
  const before = {
    direct: await funnelVisitors(page, "Funnel, Direct"),
    embedded: await funnelVisitors(page, `Funnel, Embedded on ${site}`),
  };

  const embeddedVisitor = await browser.newContext();
  const hostTab = await embeddedVisitor.newPage();
  await hostTab.goto(`${host.origin}/pricing`);
  const frame = demoFrame(hostTab);
  await frame.getByRole("button", { name: "Start the demo" }).click();
  await expectStep(frame, "Welcome to Pipeline");
  await popover(frame).getByRole("button", { name: "Start the tour" }).click();
  await expectStep(frame, "Every deal, by stage");

  const directVisitor = await browser.newContext();
  const direct = await directVisitor.newPage();
  await direct.goto("/try/pipeline-basics");
  await expect(direct.getByTestId("tour-popover").getByRole("heading", { name: "Welcome to Pipeline" })).toBeVisible();
  await direct.getByTestId("tour-popover").getByRole("button", { name: "Start the tour" }).click();
  await expect(direct.getByRole("dialog", { name: "Every deal, by stage" })).toBeVisible();

  // Each in the rows of their own source, once the beacons are in.
  await expect(async () => {
    await page.reload();
    expect(await funnelVisitors(page, "Funnel, Direct")).toBe(before.direct + 1);
    expect(await funnelVisitors(page, `Funnel, Embedded on ${site}`)).toBe(before.embedded + 1);
  }).toPass({ timeout: 20_000 });
  const everyone = await funnelVisitors(page, "Funnel, all visitors");
  expect(everyone).toBeGreaterThanOrEqual(before.direct + before.embedded + 2);
  await expectNoAxeViolations(page);

  // The filter narrows the whole page to the site, in a URL that can be bookmarked.
  await page.getByRole("combobox", { name: "Visitors from" }).selectOption({ label: `Embedded on ${site}` });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(`/studio/demos/pipeline-basics?source=${encodeURIComponent(site)}`);
  await expect(page.getByRole("combobox", { name: "Visitors from" })).toHaveValue(site);
  expect(await funnelVisitors(page, `Funnel, visitors from embeds on ${site}`)).toBe(before.embedded + 1);
  await expect(page.getByTestId("source-split")).toHaveCount(1);
  await expect(page.getByRole("table", { name: "Funnel, Direct", exact: true })).toHaveCount(0);
  // The embed's snippet names the rep's path: the site's visitors are all on it.
  await expect(page.getByRole("table", { name: "Funnel, Account executive", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/studio/demos/pipeline-basics?source=direct");
  expect(await funnelVisitors(page, "Funnel, direct visitors")).toBe(before.direct + 1);
  await expect(page.getByTestId("source-split")).toHaveCount(1);
  await expect(page.getByRole("table", { name: "Funnel, Direct", exact: true })).toBeVisible();

  // A site nobody came from yet, and a value that is no source at all, each get the page with a sentence.
  await page.goto("/studio/demos/pipeline-basics?source=nobody.example");
  await expect(page.getByTestId("source-empty")).toHaveText(/No visitor of this demo has come from an embed on nobody\.example yet/);
  expect(await funnelVisitors(page, "Funnel, visitors from embeds on nobody.example", "viewed")).toBe(0);
  const refused = await page.goto("/studio/demos/pipeline-basics?source=%3Cimg%20src%3Dx%3E%2Fpath");
  expect(refused?.status()).toBe(200);
  await expect(page.getByTestId("source-error")).toContainText("must be direct, embedded, or the host of a site");
  expect(await funnelVisitors(page, "Funnel, all visitors")).toBeGreaterThanOrEqual(everyone);
  await expectNoAxeViolations(page);

  // The studio's list has the same rows in its table of splits.
  await page.goto("/studio");
  const splits = page.locator("[data-slug=pipeline-basics]").getByTestId("funnel-splits");
  await expect(splits.locator("tr[data-split=source]").filter({ hasText: "Direct" })).toBeVisible();
  await expect(splits.locator("tr[data-split=source]").filter({ hasText: `Embedded on ${site}` })).toBeVisible();
  await Promise.all([embeddedVisitor.close(), directVisitor.close(), studio.close()]);
});
