// A person's browser, as far as the cluster tests need one: its own cookie jar (so each is a distinct client
// to HAProxy and to the app), requests through any address with that jar, redirects followed by hand so each
// hop's node is seen. Plain fetch: these tests are about where requests go, not about rendering.
/** A person's browser to the app (lib/visitors/client-class.ts): a client that looks automated may not start a conversation. */
const browserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

export type Answer = { status: number; headers: Headers; body: string; url: string };

export class VisitorClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly origin: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** One request (no redirect followed); Set-Cookie answers go into the jar. */
  async send(url: string, init: { method?: string; json?: unknown; timeoutMs?: number } = {}): Promise<Answer> {
    const headers: Record<string, string> = {
      cookie: this.cookieHeader(),
      accept: "text/html,application/json",
      "user-agent": browserAgent,
    };
    if (init.json !== undefined) {
      headers["content-type"] = "application/json";
      headers.origin = this.origin;
    }
    const response = await fetch(url, {
      method: init.method ?? (init.json === undefined ? "GET" : "POST"),
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      redirect: "manual",
      signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return { status: response.status, headers: response.headers, body: await response.text(), url };
  }

  /** Follows redirects (at most 5) from `url` on `base`; every hop's answer, last one last. */
  async follow(base: string, path: string): Promise<Answer[]> {
    const hops: Answer[] = [];
    let next: string | undefined = new URL(path, base).toString();
    while (next && hops.length < 5) {
      const answer = await this.send(next);
      hops.push(answer);
      const location = answer.status >= 300 && answer.status < 400 ? answer.headers.get("location") : null;
      next = location ? new URL(location, base).toString() : undefined;
    }
    return hops;
  }
}

/** The sandbox id in a product path (/s/<id>…). */
export function sandboxIdIn(path: string): string | undefined {
  return /\/s\/([^/?#]+)/.exec(path)?.[1];
}
