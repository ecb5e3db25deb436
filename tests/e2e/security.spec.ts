// The security review's findings, held fixed where an attacker meets them: a sign-in link that tries to send a
// member elsewhere, a page on another port of the same host that writes with the team's or a visitor's
// cookies and frames the workspace, a rep renaming themselves, and pages that must run no script but ours.
// The attacker's page is real: served from another port on loopback, opened in the victim's own browser.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { teamInboxSchema, teamThreadAnswerSchema } from "@/lib/contracts/conversations";
import { controlQuery } from "./control-database";
import { expect, test, type WorkerServer } from "./fixtures";
import { openAsRep, startDemo, visitorIdOf } from "./helpers";
import { contextAs } from "./sign-in-as";
import { admin, marketer, rep } from "./team";
import { embedHostOrigin } from "./worker-server";

/** A site on another port of the same host: same-site for the browser, so SameSite=Lax cookies go with it. */
async function startElsewhere(): Promise<{ origin: string; stop: () => void }> {
  const server = http.createServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end("<!doctype html><title>Somewhere else</title><h1>Somewhere else</h1>");
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    stop: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

let elsewhere: Awaited<ReturnType<typeof startElsewhere>>;
test.beforeAll(async () => {
  elsewhere = await startElsewhere();
});
test.afterAll(() => elsewhere.stop());

/** Opens the other site's page in `context` (the victim's browser, with their cookies for our site). */
async function openElsewhere(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(elsewhere.origin);
  return page;
}

/** The other site's script posts `body` to our `path` as a page may without asking first: text/plain, cookies included. */
async function postFromElsewhere(page: Page, url: string, body: string): Promise<number> {
  const answered = page.waitForResponse((response) => response.url() === url && response.request().method() === "POST");
  await page.evaluate(
    ([target, text]) => fetch(target ?? "", { method: "POST", mode: "no-cors", credentials: "include", body: text }).catch(() => undefined),
    [url, body],
  );
  return (await answered).status();
}

/** The other site's form, posted by the victim's browser as a top-level navigation (enctype text/plain). */
async function submitFormFromElsewhere(page: Page, url: string, name: string, value: string): Promise<number> {
  const answered = page.waitForResponse((response) => response.url() === url && response.request().method() === "POST");
  await page.evaluate(
    ([target, field, text]) => {
      const form = document.createElement("form");
      form.method = "POST";
      form.action = target ?? "";
      form.enctype = "text/plain";
      const input = document.createElement("input");
      input.name = field ?? "";
      input.value = text ?? "";
      form.append(input);
      document.body.append(form);
      form.submit();
    },
    [url, name, value],
  );
  return (await answered).status();
}

test.describe("where a sign-in link may send a member", () => {
  // What the review sent, and the same trick in other spellings: each normalises to "//evil.example/x".
  const nexts = ["/.//evil.example/x", "/..//evil.example/x", "/%2e//evil.example/x", "/%2E%2E//evil.example/x", "/sales/..//evil.example"];

  test("a signed-in member who follows one stays on this site", async ({ browser, baseURL }) => {
    const { page, context } = await openAsRep(browser);
    for (const next of nexts) {
      const answer = await page.request.get(`/sales/sign-in?next=${next}`, { maxRedirects: 0 });
      const location = answer.headers().location ?? "";
      expect(new URL(location, baseURL).origin, `${next} → ${location}`).toBe(new URL(baseURL ?? "").origin);
      await page.goto(`/sales/sign-in?next=${next}`);
      expect(new URL(page.url()).origin, next).toBe(new URL(baseURL ?? "").origin);
      await expect(page).toHaveURL(/\/sales$/);
    }
    await context.close();
  });

  test("a member signing in through the form from one stays on this site", async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/sales/sign-in?next=/.//evil.example/x");
    await page.getByLabel("Email").fill(rep.email);
    await page.getByLabel("Password").fill(rep.password);
    // Sign-in is limited to 3 attempts per 10 s per client and the whole suite is one client: a refused
    // attempt waits as long as the server says.
    for (let attempt = 0; attempt < 5; attempt++) {
      const answered = page.waitForResponse((response) => response.url().endsWith("/api/auth/sign-in/email"));
      await page.getByRole("button", { name: "Sign in" }).click();
      const answer = await answered;
      if (answer.status() !== 429) break;
      const wait = Number(answer.headers()["x-retry-after"] ?? "10");
      await new Promise((resolve) => setTimeout(resolve, (Math.min(wait, 15) + 0.5) * 1000));
    }
    await page.waitForURL((url) => url.pathname === "/sales");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "").origin);
    await context.close();
  });
});

test.describe("writes from a page on another port of the same host", () => {
  test("cannot post a reply as the rep, nor write to a visitor's conversation as the visitor", async ({ browser, baseURL }) => {
    const prospect = await browser.newContext();
    const tab = await prospect.newPage();
    await startDemo(tab);
    const question = `Cross-origin probe ${Date.now()}`;
    expect((await prospect.request.post("/api/conversation", { data: { body: question } })).status()).toBe(201);

    const { context: repContext } = await openAsRep(browser);
    const inbox = teamInboxSchema.parse(await (await repContext.request.get("/api/sales/conversations")).json());
    const conversation = inbox.conversations.find((entry) => entry.lastMessage === question)?.id ?? "";
    expect(conversation).not.toBe("");

    const repElsewhere = await openElsewhere(repContext);
    const reply = `${baseURL}/api/sales/conversations/${conversation}/messages`;
    expect(await postFromElsewhere(repElsewhere, reply, JSON.stringify({ body: "Forged by another page" }))).toBe(403);
    expect(await postFromElsewhere(repElsewhere, `${baseURL}/api/sales/links`, JSON.stringify({ demo: "pipeline-basics" }))).toBe(403);

    const prospectElsewhere = await openElsewhere(prospect);
    const ask = `${baseURL}/api/conversation`;
    expect(await postFromElsewhere(prospectElsewhere, ask, JSON.stringify({ body: "Forged question" }))).toBe(403);
    const signals = JSON.stringify({ events: [{ id: "01935f3e-0000-7000-8000-00000000f00d", type: "cta.clicked", at: Date.now() }] });
    expect(await postFromElsewhere(prospectElsewhere, `${baseURL}/api/signals`, signals)).toBe(403);

    const thread = teamThreadAnswerSchema.parse(await (await repContext.request.get(`/api/sales/conversations/${conversation}`)).json());
    expect(thread.conversation.messages.map((message) => message.body)).toEqual([question]);
    await prospect.close();
    await repContext.close();
  });

  test("cannot add a webhook with the admin's session, by script or by form", async ({ browser, baseURL }) => {
    const adminContext = await contextAs(browser, baseURL ?? "", admin);
    const page = await openElsewhere(adminContext);
    const webhooks = `${baseURL}/api/sales/webhooks`;
    const hook = { url: "https://evil.example/collect", format: "json", events: ["hand.raised"] };
    expect(await postFromElsewhere(page, webhooks, JSON.stringify(hook))).toBe(403);
    // A text/plain form sends `name=value`: a name that ends in `"` and a value that closes the JSON.
    const json = JSON.stringify({ ...hook, pad: "" });
    expect(await submitFormFromElsewhere(page, webhooks, json.slice(0, -2), '"}')).toBe(403);
    const listed = await (await adminContext.request.get("/api/sales/webhooks")).text();
    expect(listed).not.toContain("evil.example");
    await adminContext.close();
  });

  test("the app's own pages still write with the team's cookies", async ({ browser }) => {
    // Every other spec drives the product, the workspace and the studio through their own pages; this one only
    // shows the line drawn: the same request from our own page reaches the route (which reads and judges it).
    const { page, context } = await openAsRep(browser);
    const answer = await page.evaluate(async () => {
      const response = await fetch("/api/sales/links", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      return { status: response.status, body: await response.text() };
    });
    expect(answer.status, answer.body).toBe(400);
    await context.close();
  });
});

test.describe("framing", () => {
  test("the workspace, the studio and sign-in cannot be framed by a page on another port; the product only by this app", async ({
    browser,
    baseURL,
  }) => {
    const { context } = await openAsRep(browser);
    const visitor = await browser.newContext();
    const sandbox = await startDemo(await visitor.newPage());
    await context.addCookies(await visitor.cookies());
    const page = await openElsewhere(context);
    const targets = ["/sales", "/sales/visitors", "/studio", "/sales/sign-in", sandbox];
    await page.evaluate(
      (urls) =>
        Promise.all(
          urls.map(
            (url) =>
              new Promise<void>((resolve) => {
                const frame = document.createElement("iframe");
                frame.src = url;
                frame.addEventListener("load", () => resolve(), { once: true });
                document.body.append(frame);
              }),
          ),
        ),
      targets.map((target) => `${baseURL}${target}`),
    );
    const framed = page.frames().filter((frame) => frame !== page.mainFrame());
    expect(framed).toHaveLength(targets.length);
    for (const frame of framed) {
      // A refused frame shows the browser's own error page, with none of ours inside.
      expect(frame.url(), frame.url()).not.toContain(String(baseURL));
      await expect(frame.locator("#main")).toHaveCount(0);
    }
    await visitor.close();
    await context.close();
  });

  test("every answer says who may frame it and not to sniff its type", async ({ browser, request, server }) => {
    const { context } = await openAsRep(browser);
    for (const [path, framing] of [
      ["/sales", "DENY"],
      ["/sales/sign-in", "DENY"],
      ["/studio", "DENY"],
      ["/", "DENY"],
      ["/privacy", "DENY"],
      ["/api/sales/visitors", "DENY"],
    ]) {
      const answer = await context.request.get(path ?? "", { maxRedirects: 0 });
      const headers = answer.headers();
      expect(headers["x-frame-options"], path).toBe(framing);
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
    }
    // The product: this app (the studio's preview) and the one site the suite's server lets embed demos
    // (EMBED_ORIGINS, worker-server.ts), nobody else. X-Frame-Options cannot name another site, so it is left out
    // rather than refuse the embed in a browser that reads it (lib/http/security-headers.ts).
    const product = await request.get("/try/pipeline-basics");
    expect(product.url()).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/);
    const framing = product
      .headers()
      ["content-security-policy"]?.split("; ")
      .find((directive) => directive.startsWith("frame-ancestors"));
    expect(framing).toBe(`frame-ancestors 'self' ${embedHostOrigin(server.sparePort)}`);
    expect(product.headers()["x-frame-options"]).toBeUndefined();
    await context.close();
  });
});

/** Every content security policy violation a page (or a frame in it) reports, as the browser sees them. */
async function watchPolicy(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding("reportViolation", (_, text: string) => {
    violations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`,
      );
    });
  });
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe("the content security policy", () => {
  test("breaks nothing: the tour, the tracker, the product, the workspace, the studio and its preview run no blocked script", async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const visitor = await browser.newContext();
    const visitorViolations = await watchPolicy(visitor);
    const tab = await visitor.newPage();
    await tab.goto("/privacy");
    // The tracker's batches reach the server (connect-src).
    const sent = tab.waitForResponse((response) => response.url().endsWith("/api/signals") && response.status() === 202);
    const sandbox = await startDemo(tab);
    await sent;
    // The tour's welcome card is rendered by the server with an inline script (it must carry the nonce).
    await expect(tab.getByTestId("tour-popover")).toBeVisible();
    await expect(tab.locator("script[nonce]").first()).toBeAttached();
    await tab.getByTestId("tour-popover").getByRole("button", { name: "Start the tour" }).click();
    // Returning: the inline script hides the welcome card for a visitor with progress.
    await tab.reload();
    await expect(tab.getByTestId("tour-popover")).toBeVisible();
    for (const page of ["/companies", "/contacts", "/deals/new", "/forecast", "/import"]) {
      await tab.goto(`${sandbox}${page}`);
      await expect(tab.locator("#main")).toBeVisible();
    }
    await tab.goto("/no-such-page");
    await tab.goto("/try/%E0%A4%A");
    expect(visitorViolations).toEqual([]);
    await visitor.close();

    const team = await contextAs(browser, baseURL ?? "", admin);
    const teamViolations = await watchPolicy(team);
    const page = await team.newPage();
    for (const path of ["/sales", "/sales/visitors", "/sales/live", "/sales/conversations", "/sales/funnels", "/sales/team", "/studio"]) {
      await page.goto(path);
      await expect(page.locator("#main, main").first()).toBeVisible();
    }
    // The studio's preview frames the product, tour and all.
    await page.goto("/studio/preview/pipeline-basics");
    await expect(page.frameLocator("iframe").getByTestId("tour-popover")).toBeVisible();
    expect(teamViolations).toEqual([]);
    await team.close();

    const stranger = await browser.newContext();
    const strangerViolations = await watchPolicy(stranger);
    const signIn = await stranger.newPage();
    await signIn.goto("/sales/sign-in");
    await expect(signIn.getByRole("button", { name: "Sign in" })).toBeVisible();
    expect(strangerViolations).toEqual([]);
    await stranger.close();
  });

  test("runs no script a page did not get from this app", async ({ page }) => {
    const violations = await watchPolicy(page.context());
    await page.goto("/privacy");
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.length).toBeGreaterThan(0);
  });
});

test.describe("a member's name", () => {
  async function nameOfRep(context: BrowserContext): Promise<string | undefined> {
    const team = (await (await context.request.get("/api/sales/team")).json()) as { members: { email: string; name: string }[] };
    return team.members.find((member) => member.email === rep.email)?.name;
  }

  test("a rep cannot rename themselves; the admin renames them on the team page, and the shoulder-view log follows", async ({
    browser,
    baseURL,
  }) => {
    const { page, context } = await openAsRep(browser);
    const renamed = await page.evaluate(async () => {
      const response = await fetch("/api/auth/update-user", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Ada Admin" }),
      });
      return response.status;
    });
    expect(renamed).toBe(404);
    for (const endpoint of ["/api/auth/change-email", "/api/auth/delete-user", "/api/auth/change-password"]) {
      expect((await page.request.post(endpoint, { data: {} })).status(), endpoint).toBe(404);
    }
    expect((await page.request.get("/api/auth/list-sessions")).status()).toBe(404);
    expect(await nameOfRep(context)).toBe(rep.name);

    // The rep looks over a prospect's shoulder; the log names them.
    const prospect = await browser.newContext();
    await startDemo(await prospect.newPage());
    const visitorId = await visitorIdOf(prospect);
    await page.goto(`/sales/visitors/${visitorId}/sandbox`);
    await expect(page.getByTestId("shoulder-log-entry").first()).toContainText(rep.name);

    const adminContext = await contextAs(browser, baseURL ?? "", admin);
    const team = await adminContext.newPage();
    await team.goto("/sales/team");
    const row = team.getByTestId("member-row").filter({ hasText: rep.email });
    try {
      await row.getByLabel(`Name of ${rep.email}`).fill("Riley\u0007Rep");
      await row.getByRole("button", { name: `Rename ${rep.email}` }).click();
      await expect(row.getByRole("alert")).toContainText("control characters");
      await row.getByLabel(`Name of ${rep.email}`).fill("Riley Rivera");
      await row.getByRole("button", { name: `Rename ${rep.email}` }).click();
      await expect(row).toContainText("Riley Rivera");
      expect(await nameOfRep(context)).toBe("Riley Rivera");
      // The same opening, logged before the rename, now reads as who they are.
      const log = await adminContext.newPage();
      await log.goto(`/sales/visitors/${visitorId}/sandbox`);
      await expect(log.getByTestId("shoulder-log-entry").filter({ hasText: "Riley Rivera" })).toHaveCount(1);
      await expect(log.getByTestId("shoulder-log-entry").filter({ hasText: rep.name })).toHaveCount(0);
    } finally {
      // Later specs know the rep by their name.
      const restored = await adminContext.request.patch(`/api/sales/team/${await memberId(adminContext, rep.email)}`, {
        data: { name: rep.name },
      });
      expect(restored.status()).toBe(200);
    }
    await prospect.close();
    await adminContext.close();
    await context.close();
  });
});

async function memberId(context: BrowserContext, email: string): Promise<string> {
  const team = (await (await context.request.get("/api/sales/team")).json()) as { members: { id: string; email: string }[] };
  return team.members.find((member) => member.email === email)?.id ?? "";
}

/** A count from the worker server's control database (SQLite or PostgreSQL). */
async function countOf(server: WorkerServer, text: string, params: string[] = []): Promise<number> {
  const [row] = await controlQuery<{ n: number | string }>(server, text, params);
  return Number(row?.n ?? 0);
}

test.describe("what the privacy page promises", () => {
  test("a team session keeps neither the address nor the user agent it was opened from", async ({ browser, server }) => {
    const { context } = await openAsRep(browser);
    const session = (await (await context.request.get("/api/auth/get-session")).json()) as {
      session: { ipAddress?: string | null; userAgent?: string | null };
    };
    expect(session.session.ipAddress ?? null).toBeNull();
    expect(session.session.userAgent ?? null).toBeNull();
    const stored = await controlQuery<Record<string, unknown>>(server, "select ip_address, user_agent from session");
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) expect(row).toEqual({ ip_address: null, user_agent: null });
    await context.close();
  });

  test("no file holding secrets or visitors' data can be read by the machine's other users", async ({ page, server }) => {
    await startDemo(page);
    const { dataDir } = server;
    const folders = ["sandboxes", "templates", "spares"].map((name) => path.join(dataDir, name));
    const files = [
      // On PostgreSQL the control plane is the server's to keep; the data directory still holds the key and sandboxes.
      ...(server.databaseUrl ? ["secret.key"] : ["control.sqlite", "control.sqlite-wal", "control.sqlite-shm", "secret.key"]).map((name) =>
        path.join(dataDir, name),
      ),
      ...folders.flatMap((folder) => fs.readdirSync(folder).map((name) => path.join(folder, name))),
    ];
    for (const target of [dataDir, ...folders, ...files]) {
      expect((fs.statSync(target).mode & 0o077).toString(8), target).toBe("0");
    }
  });

  test("HEAD provisions nothing and records nothing, for a stranger, a rep or a marketer", async ({
    browser,
    baseURL,
    request,
    server,
  }) => {
    const sandboxes = () => fs.readdirSync(path.join(server.dataDir, "sandboxes")).length;
    const before = sandboxes();
    for (const target of ["/try/pipeline-basics", "/try/pipeline-basics?persona=leader", "/try/forecast-review?via=x"]) {
      const answer = await request.head(target, { maxRedirects: 0 });
      expect(answer.status(), target).toBe(200);
      expect(answer.headers()["set-cookie"], target).toBeUndefined();
    }
    expect(sandboxes()).toBe(before);

    const marketerContext = await contextAs(browser, baseURL ?? "", marketer);
    const previews = () => countOf(server, "select count(*) as n from preview_sandboxes");
    const previewsBefore = await previews();
    expect((await marketerContext.request.head("/studio/preview/import-and-clean-up")).status()).toBe(200);
    expect(await previews()).toBe(previewsBefore);
    await marketerContext.close();

    const prospect = await browser.newContext();
    await startDemo(await prospect.newPage());
    const visitorId = await visitorIdOf(prospect);
    const looks = () => countOf(server, "select count(*) as n from shoulder_views where visitor_id = ?", [visitorId]);
    const { context } = await openAsRep(browser);
    expect((await context.request.head(`/sales/visitors/${visitorId}/sandbox`)).status()).toBe(200);
    expect(await looks()).toBe(0);
    await prospect.close();
    await context.close();
  });
});
