// A small HTTP proxy in front of the real server that rewrites what it serves (HTML, the RSC payloads of
// client navigations, CSS, JavaScript) the way a product change would: the demos:check spec uses it to break
// the product under a demo without a hook in the product. Rewrites should keep each string's length: an RSC
// payload's text rows are prefixed with their byte length, and a longer row breaks the page.
import http from "node:http";
import type { AddressInfo } from "node:net";

/** Rewrites one response body; `path` is the request's pathname, `type` its content type. */
export type Rewrite = (body: string, response: { path: string; type: string }) => string;

const textTypes = /text\/html|text\/x-component|text\/css|javascript/;

export async function startRewritingProxy(upstream: string, rewrite: Rewrite): Promise<{ url: string; close: () => Promise<void> }> {
  const target = new URL(upstream);
  const server = http.createServer((request, response) => {
    // The Host header stays the browser's: Next refuses a server action whose Origin is not the host it was sent to.
    const headers = { ...request.headers, "accept-encoding": "identity" };
    const forwarded = http.request(
      { hostname: target.hostname, port: target.port, path: request.url, method: request.method, headers },
      (answer) => {
        const type = String(answer.headers["content-type"] ?? "");
        if (!textTypes.test(type)) {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          const path = new URL(request.url ?? "/", "http://proxy").pathname;
          const body = rewrite(Buffer.concat(chunks).toString("utf8"), { path, type });
          const { "content-length": _length, "transfer-encoding": _encoding, etag: _etag, ...rest } = answer.headers;
          response.writeHead(answer.statusCode ?? 502, { ...rest, "content-length": Buffer.byteLength(body) });
          response.end(body);
        });
      },
    );
    forwarded.on("error", () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Renames an attribute or JSON value everywhere the page carries it: HTML, escaped flight data, RSC payloads. */
export function replaceEverywhere(body: string, from: [string, string], to: [string, string]): string {
  const forms = (key: string, value: string) => [`${key}="${value}"`, `\\"${key}\\":\\"${value}\\"`, `"${key}":"${value}"`];
  const [fromForms, toForms] = [forms(...from), forms(...to)];
  return fromForms.reduce((text, form, index) => text.split(form).join(toForms[index] ?? form), body);
}
