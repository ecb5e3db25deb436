// The embed's server side as its routes run it: the poster makes nothing, a start checks the frame keeps its
// cookie before any sandbox exists, the sandbox then comes with the embed's cookie and the embedding page as
// the visitor's source, and oEmbed answers for a demo's address only. Real Requests, real control plane.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { registerDemos } from "@/lib/demos/registry";
import { parseEmbedArrival } from "@/lib/embed/embed-arrival";
import { oembedAnswer } from "@/lib/embed/oembed";
import { posterAnswer } from "@/lib/embed/poster";
import { openEmbeddedDemo, startEmbeddedDemo } from "@/lib/embed/start-embed";
import { clientIpHeaderName } from "@/lib/http/client-ip";
import { installRuntime } from "@/lib/runtime/runtime";
import { s, t } from "../control-plane";

const site = "https://www.example.com";
const runtime = installRuntime({ sandboxSpares: 0, embedOrigins: [site] });
beforeAll(async () => {
  await migrateControlPlane();
  await registerDemos();
});
afterAll(() => runtime.close());

const app = "http://127.0.0.1:3000";
function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}): Request {
  return new Request(`${app}${path}`, {
    method: init.method ?? "GET",
    headers: { host: "127.0.0.1:3000", [clientIpHeaderName]: "198.51.100.7", ...init.headers },
  });
}

async function counts() {
  const [sandboxes, visitors] = await Promise.all([s.all(s.db.select().from(t.sandboxes)), s.all(s.db.select().from(t.visitors))]);
  return { sandboxes: sandboxes.length, visitors: visitors.length };
}

/** The Set-Cookie lines of an answer, by cookie name. */
function setCookies(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((line) => [line.split("=")[0] ?? "", line]));
}

// In the order the embed pages write it (lib/embed/embed-arrival.ts, arrivalQuery).
const arrival = `?origin=${encodeURIComponent(site)}&page=${encodeURIComponent(`${site}/pricing`)}&persona=rep&utm_source=newsletter`;

describe("an embedded demo's poster", () => {
  it("shows the demo and its start, and makes no sandbox and no visitor", async () => {
    const before = await counts();
    const response = await posterAnswer("pipeline-basics", request(`/embed/demo/pipeline-basics${arrival}`), "n0nce");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<h1>Pipeline basics</h1>");
    expect(html).toContain(`action="/embed/demo/pipeline-basics/start${arrival.replaceAll("&", "&amp;")}"`);
    expect(html).toContain('<script nonce="n0nce">');
    expect(html).toContain('type="application/json+oembed"');
    expect(html).not.toContain("/_next/");
    expect(await counts()).toEqual(before);
  });

  it("offers only a new tab to a page whose origin may not embed", async () => {
    const html = await (
      await posterAnswer("pipeline-basics", request("/embed/demo/pipeline-basics?origin=https://elsewhere.example"), undefined)
    ).text();
    expect(html).not.toContain("Start the demo");
    expect(html).toContain('href="/try/pipeline-basics" target="_blank"');
  });
});

describe("starting an embedded demo", () => {
  it("sets a partitioned probe cookie first, and makes nothing yet", async () => {
    const before = await counts();
    const response = startEmbeddedDemo("pipeline-basics", request(`/embed/demo/pipeline-basics/start${arrival}`, { method: "POST" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/embed/demo/pipeline-basics/open${arrival}`);
    const probe = setCookies(response).get("oh_embed") ?? "";
    expect(probe).toContain(`oh_embed=${encodeURIComponent(site)}`);
    expect(probe).toMatch(/SameSite=none/i);
    expect(probe).toContain("Secure");
    expect(probe).toContain("Partitioned");
    expect(await counts()).toEqual(before);
  });

  it("without the probe back (the browser keeps no cookie for the frame), says so and makes nothing", async () => {
    const before = await counts();
    const response = await openEmbeddedDemo("pipeline-basics", request(`/embed/demo/pipeline-basics/open${arrival}`), undefined);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Your browser keeps no cookies for demos shown inside another site");
    expect(html).toContain('href="/try/pipeline-basics?persona=rep&amp;utm_source=newsletter" target="_blank"');
    expect(await counts()).toEqual(before);
  });

  it("with the probe back, makes the sandbox with the embed's cookie and the embedding page as its source", async () => {
    const response = await openEmbeddedDemo(
      "pipeline-basics",
      request(`/embed/demo/pipeline-basics/open${arrival}`, { headers: { cookie: `oh_embed=${encodeURIComponent(site)}` } }),
      undefined,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/s\/[A-Za-z0-9_-]{22}$/);
    const visitorCookie = setCookies(response).get("oh_visitor") ?? "";
    expect(visitorCookie).toMatch(/SameSite=none/i);
    expect(visitorCookie).toContain("Partitioned");
    expect(visitorCookie).toContain("HttpOnly");
    const visitorId = decodeURIComponent(visitorCookie.split(";")[0]?.split("=")[1] ?? "").split(".")[0] ?? "";
    const [visitor] = await s.all(s.db.select().from(t.visitors).where(eq(t.visitors.id, visitorId)));
    expect(visitor?.source).toEqual({ utm_source: "newsletter", embedded: `${site}/pricing` });

    // Back on the poster (a reload of the host page), the frame goes straight to that copy.
    const again = await posterAnswer(
      "pipeline-basics",
      request(`/embed/demo/pipeline-basics${arrival}`, { headers: { cookie: visitorCookie.split(";")[0] ?? "" } }),
      undefined,
    );
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(response.headers.get("location"));
    // …at the page of it the frame was last on, and never anywhere else a forged cookie names.
    const copy = response.headers.get("location") ?? "";
    const backTo = async (path: string) =>
      (
        await posterAnswer(
          "pipeline-basics",
          request(`/embed/demo/pipeline-basics${arrival}`, {
            headers: { cookie: `${visitorCookie.split(";")[0]}; oh_embed_path=${encodeURIComponent(path)}` },
          }),
          undefined,
        )
      ).headers.get("location");
    expect(await backTo(`${copy}/deals/1`)).toBe(`${copy}/deals/1`);
    expect(await backTo("//evil.example/x")).toBe(copy);
    expect(await backTo(`${copy}x/../../s/other`)).toBe(copy);
    expect(await backTo("/s/AAAAAAAAAAAAAAAAAAAAAA")).toBe(copy);
  });

  it("keeps no source for a visitor who sent Global Privacy Control, as /try does", async () => {
    const response = await openEmbeddedDemo(
      "pipeline-basics",
      request(`/embed/demo/pipeline-basics/open${arrival}`, {
        headers: { cookie: `oh_embed=${encodeURIComponent(site)}`, "sec-gpc": "1" },
      }),
      undefined,
    );
    const visitorId =
      decodeURIComponent((setCookies(response).get("oh_visitor") ?? "").split(";")[0]?.split("=")[1] ?? "").split(".")[0] ?? "";
    const [visitor] = await s.all(s.db.select().from(t.visitors).where(eq(t.visitors.id, visitorId)));
    expect(visitor?.source ?? null).toBeNull();
  });
});

describe("what the loader says about the embedding page", () => {
  it("keeps the page's address without its query, and its campaign", () => {
    const parsed = parseEmbedArrival(
      new URLSearchParams({ origin: site, page: `${site}/pricing?token=secret#plans`, utm_campaign: "spring\u0000", persona: "leader" }),
    );
    expect(parsed).toEqual({
      ok: true,
      arrival: { origin: site, page: `${site}/pricing`, utm: { utm_campaign: "spring" }, persona: "leader" },
    });
  });

  it.each([
    ["an origin that is a script", { origin: "javascript:alert(1)" }],
    ["an origin with a path", { origin: `${site}/x` }],
    ["a page on another origin", { origin: site, page: "https://elsewhere.example/x" }],
    ["a page that is not a web address", { page: "file:///etc/passwd" }],
    ["an unknown persona", { persona: "ceo" }],
  ])("refuses %s", (_, params) => {
    expect(parseEmbedArrival(new URLSearchParams(params)).ok).toBe(false);
  });
});

describe("oEmbed", () => {
  const ask = (query: string) => oembedAnswer(request(`/oembed?${query}`));

  it("answers a frame of the poster for a demo's address, within maxwidth", async () => {
    const response = await ask(`url=${encodeURIComponent(`${app}/embed/demo/pipeline-basics`)}&maxwidth=500&format=json`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ version: "1.0", type: "rich", title: "Pipeline basics", width: 500, height: 480 });
    expect(body.html).toBe(
      `<iframe src="${app}/embed/demo/pipeline-basics" width="500" height="480" title="Pipeline basics" style="border:0;max-width:100%" allow="clipboard-write" loading="lazy"></iframe>`,
    );
  });

  it("answers for the /try link and the demo center too", async () => {
    expect((await ask(`url=${encodeURIComponent(`${app}/try/pipeline-basics`)}`)).status).toBe(200);
    expect((await (await ask(`url=${encodeURIComponent(`${app}/`)}`)).json()).html).toContain(`${app}/embed/center`);
  });

  it.each([`${app}/embed/demo/no-such-demo`, `${app}/sales`, "https://elsewhere.example/try/pipeline-basics", "javascript:alert(1)"])(
    "is 404 for %s",
    async (url) => {
      const response = await ask(`url=${encodeURIComponent(url)}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "No demo is served at that address" });
    },
  );

  it.each([
    ["no url", ""],
    ["a url that is not an address", "url=%00"],
    ["a negative width", `url=${encodeURIComponent(`${app}/try/pipeline-basics`)}&maxwidth=-1`],
    ["a huge width", `url=${encodeURIComponent(`${app}/try/pipeline-basics`)}&maxwidth=99999999999`],
    ["a fractional height", `url=${encodeURIComponent(`${app}/try/pipeline-basics`)}&maxheight=1.5`],
    ["XML", `url=${encodeURIComponent(`${app}/try/pipeline-basics`)}&format=xml`],
  ])("is 400 with what to fix for %s", async (_, query) => {
    const response = await ask(query);
    expect(response.status).toBe(400);
    expect(typeof (await response.json()).error).toBe("string");
  });
});
