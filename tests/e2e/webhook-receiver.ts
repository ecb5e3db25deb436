// A webhook receiver on loopback for the specs that check alerts arrive (the server runs with
// WEBHOOKS_ALLOW_PRIVATE=1 so it may post there): every delivery's headers and body, in arrival order. It answers
// 200 unless `answer` says otherwise (by attempt number: a receiver that fails, then stalls, then comes back).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Delivery = { headers: http.IncomingHttpHeaders; body: string };

export async function startReceiver(
  path: string,
  answer: (attempt: number, response: http.ServerResponse) => void = (_, response) => response.writeHead(200).end("ok"),
): Promise<{ url: string; received: Delivery[]; close: () => void }> {
  const received: Delivery[] = [];
  const receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      answer(received.length, response);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}${path}`,
    received,
    close: () => {
      receiver.closeAllConnections();
      receiver.close();
    },
  };
}
