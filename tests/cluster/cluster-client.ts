// What the multi-node tests do as people would: open a demo, sign in, post, and hold a live stream, against one
// node's own address (bypassing HAProxy, so a test says which node serves what). Clients are told apart by
// x-forwarded-for, which every node trusts as the client's address (CLIENT_IP_HEADER in start-cluster.ts).
import type { ClusterNode } from "../../scripts/cluster/start-cluster";

/** A person's browser, not a script: visitors whose user agent looks automated are bots, and bots do not converse. */
export const browserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** The cookies a Set-Cookie list sets, as one Cookie header (name=value pairs only). */
function cookiesOf(response: Response, previous = ""): string {
  const jar = new Map(
    previous
      .split("; ")
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf("=")), pair] as const),
  );
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0] ?? "";
    jar.set(pair.slice(0, pair.indexOf("=")), pair);
  }
  return [...jar.values()].join("; ");
}

/** "Try it" on `node` as a new visitor from `client`: the answer, and the visitor's cookies when it worked. */
export async function tryDemo(node: ClusterNode, client: string, demo = "pipeline-basics"): Promise<{ status: number; cookie: string }> {
  const response = await fetch(`${node.url}/try/${demo}`, {
    redirect: "manual",
    headers: { "x-forwarded-for": client, "user-agent": browserAgent },
    signal: AbortSignal.timeout(30_000),
  });
  await response.arrayBuffer();
  return { status: response.status, cookie: cookiesOf(response) };
}

export async function post(node: ClusterNode, path: string, cookie: string, client: string, body: unknown): Promise<Response> {
  return fetch(`${node.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: node.url, "x-forwarded-for": client, "user-agent": browserAgent },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
}

/** Signs `member` in on `node`; returns the session cookie. */
export async function signIn(node: ClusterNode, member: { email: string; password: string }, client: string): Promise<string> {
  const response = await post(node, "/api/auth/sign-in/email", "", client, { email: member.email, password: member.password });
  if (response.status !== 200) throw new Error(`sign-in on ${node.name} answered ${response.status}: ${await response.text()}`);
  return cookiesOf(response);
}

export type Frame = { id?: number; event: string; data: unknown };

export type LiveStream = {
  frames: Frame[];
  /** Resolves with the first frame (from the start) that `matches`, or rejects naming what did arrive. */
  waitFor(matches: (frame: Frame) => boolean, what: string, timeoutMs?: number): Promise<Frame>;
  close(): void;
};

/** Opens a live stream (GET /api/live/team or /api/live/visitor) and collects its frames. */
export async function openStream(
  node: ClusterNode,
  path: string,
  cookie: string,
  client: string,
  lastEventId?: number,
): Promise<LiveStream> {
  const controller = new AbortController();
  const response = await fetch(`${node.url}${path}`, {
    headers: {
      cookie,
      accept: "text/event-stream",
      "x-forwarded-for": client,
      ...(lastEventId ? { "last-event-id": String(lastEventId) } : {}),
    },
    signal: controller.signal,
  });
  if (response.status !== 200 || !response.body)
    throw new Error(`${path} on ${node.name} answered ${response.status}: ${await response.text()}`);
  const frames: Frame[] = [];
  const waiters = new Set<() => void>();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let rest = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        rest += value;
        let end = rest.indexOf("\n\n");
        while (end >= 0) {
          const block = rest.slice(0, end);
          rest = rest.slice(end + 2);
          end = rest.indexOf("\n\n");
          const fields = new Map<string, string>();
          for (const line of block.split("\n")) {
            const colon = line.indexOf(":");
            if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
          }
          const event = fields.get("event");
          if (!event) continue;
          const id = fields.get("id");
          frames.push({ ...(id ? { id: Number(id) } : {}), event, data: JSON.parse(fields.get("data") ?? "null") });
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // Aborted by close(), or the node went away: the frames so far stay readable.
    }
  })();
  return {
    frames,
    waitFor(matches, what, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.find(matches);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `${what}: not on the stream of ${node.name} after ${timeoutMs} ms; it had ${JSON.stringify(frames.map((f) => f.event))}`,
            ),
          );
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => controller.abort(),
  };
}

/** Polls `probe` until it returns something other than undefined; rejects after `timeoutMs` naming `what`. */
export async function eventually<Value>(
  probe: () => Promise<Value | undefined>,
  what: string,
  timeoutMs = 10_000,
  everyMs = 100,
): Promise<Value> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not so after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
