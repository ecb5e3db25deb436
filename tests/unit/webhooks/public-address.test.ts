// Where a webhook may point: every IPv6 form that carries an IPv4 address is judged by that address, in every
// notation an admin, a URL parser or a DNS answer may write it, when the webhook is saved and when it is sent.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { installRuntime } from "@/lib/runtime/runtime";
import { newId } from "@/lib/sandbox/ids";
import { deliverDue } from "@/lib/webhooks/deliver";
import { enqueueAlert } from "@/lib/webhooks/enqueue";
import { embeddedIPv4, ipv6Bytes, isNonPublicAddress } from "@/lib/webhooks/public-address";
import { checkWebhookTarget } from "@/lib/webhooks/target-check";
import { s, t } from "../control-plane";

// 93.184.216.34 is a public address; 127.0.0.1, 10.0.0.1 and 169.254.169.254 are not.
const refused: [string, string][] = [
  ["IPv4-mapped loopback", "::ffff:127.0.0.1"],
  ["IPv4-mapped loopback, in hex", "::ffff:7f00:1"],
  ["IPv4-mapped loopback, written out in full", "0000:0000:0000:0000:0000:ffff:7f00:0001"],
  ["IPv4-mapped loopback, in capitals", "::FFFF:7F00:1"],
  ["IPv4-mapped metadata service", "::ffff:169.254.169.254"],
  ["IPv4-compatible loopback (the review's [::127.0.0.1])", "::127.0.0.1"],
  ["IPv4-compatible loopback, in hex", "::7f00:1"],
  ["IPv4-compatible private address", "::10.0.0.1"],
  ["IPv4-compatible metadata service", "0:0:0:0:0:0:a9fe:a9fe"],
  ["IPv4-translated loopback", "::ffff:0:127.0.0.1"],
  ["6to4 of loopback", "2002:7f00:1::"],
  ["6to4 of a private address", "2002:a00:1::1"],
  ["6to4 of the metadata service", "2002:a9fe:a9fe:1234::1"],
  ["Teredo with a documentation client address", "2001:0:4136:e378:8000:63bf:3fff:fdd2"],
  ["Teredo with a loopback client address", "2001:0:4136:e378:8000:63bf:80ff:fffe"],
  ["Teredo with a private server address", "2001:0:a00:1:8000:63bf:a247:27dd"],
  ["NAT64 of loopback", "64:ff9b::127.0.0.1"],
  ["NAT64 of loopback, in hex", "64:ff9b::7f00:1"],
  ["NAT64 of the metadata service", "64:ff9b::a9fe:a9fe"],
  ["NAT64 local-use prefix", "64:ff9b:1::7f00:1"],
  ["NAT64 local-use prefix, whatever it carries", "64:ff9b:1:5db8:d822::"],
  ["the unspecified address", "::"],
  ["loopback", "::1"],
  ["loopback, written out in full", "0:0:0:0:0:0:0:1"],
  ["anything else in ::/8", "::1:2:3:4:5"],
  ["a link-local address with a zone", "fe80::1%eth0"],
  ["a unique-local address, in capitals", "FD00:EC2::254"],
  ["a site-local address", "fec0::1"],
  ["a discard-only address", "100::1"],
  ["a documentation address", "2001:db8::1"],
  ["a documentation address of the new range", "3fff::1"],
  ["a benchmarking address", "2001:2::1"],
  ["multicast", "ff02::1"],
  ["IPv4 loopback", "127.0.0.1"],
  ["the 6to4 relay anycast range", "192.88.99.1"],
  ["IPv4 in hex", "0x7f.0.0.1"],
  ["IPv4 cut short", "127.1"],
  ["not an address", "example.com"],
];

const allowed: [string, string][] = [
  ["a public IPv4 address", "93.184.216.34"],
  ["a public IPv6 address", "2606:4700::1111"],
  ["IPv4-mapped public address", "::ffff:93.184.216.34"],
  ["IPv4-compatible public address", "::5db8:d822"],
  ["IPv4-translated public address", "::ffff:0:93.184.216.34"],
  ["6to4 of a public address", "2002:5db8:d822::1"],
  ["Teredo with public server and client addresses", "2001:0:4136:e378:8000:63bf:a247:27dd"],
  ["NAT64 of a public address (an IPv6-only host's DNS64 answer)", "64:ff9b::93.184.216.34"],
];

describe("a webhook's address", () => {
  it.each(refused)("is refused: %s (%s)", (_, address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(allowed)("is allowed: %s (%s)", (_, address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });

  it("reads any notation of IPv6 into its bytes, and finds the IPv4 addresses it carries", () => {
    expect([...ipv6Bytes("::ffff:127.0.0.1")]).toEqual([...ipv6Bytes("0:0:0:0:0:FFFF:7F00:0001")]);
    expect(embeddedIPv4(ipv6Bytes("::ffff:7f00:1"))).toEqual(["127.0.0.1"]);
    expect(embeddedIPv4(ipv6Bytes("2002:c000:22d::"))).toEqual(["192.0.2.45"]);
    expect(embeddedIPv4(ipv6Bytes("2001:0:4136:e378:8000:63bf:3fff:fdd2"))).toEqual(["65.54.227.120", "192.0.2.45"]);
    expect(embeddedIPv4(ipv6Bytes("64:ff9b::c000:22d"))).toEqual(["192.0.2.45"]);
    expect(embeddedIPv4(ipv6Bytes("2606:4700::1111"))).toEqual([]);
  });
});

describe("a webhook URL", () => {
  const publicOnly = { allowPrivate: false };
  const privateNetwork = /points inside a private network/;

  it.each([
    "http://[::127.0.0.1]/hook",
    "http://[::ffff:127.0.0.1]:8080/hook",
    "http://[0:0:0:0:0:ffff:7f00:1]/",
    "http://[2002:7f00:1::]/",
    "http://[64:ff9b::127.0.0.1]/",
    "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
    "http://0x7f.1/",
    "http://2130706433/",
    "http://0177.0.0.1/",
  ])("written as %s is refused without asking DNS", async (url) => {
    expect(await checkWebhookTarget(url, publicOnly)).toMatchObject({ ok: false, error: expect.stringMatching(privateNetwork) });
  });

  it("is judged by every address its name resolves to, in whatever form DNS answers", async () => {
    const resolvingTo = (...addresses: string[]) => ({
      ...publicOnly,
      resolve: async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
    });
    for (const answer of ["::ffff:10.0.0.5", "64:ff9b::a9fe:a9fe", "2002:a00:5::1", "::7f00:1"]) {
      expect(await checkWebhookTarget("https://hooks.example.com/x", resolvingTo("93.184.216.34", answer)), answer).toMatchObject({
        ok: false,
        error: expect.stringMatching(privateNetwork),
      });
    }
    expect(await checkWebhookTarget("https://hooks.example.com/x", resolvingTo("64:ff9b::5db8:d822"))).toMatchObject({
      ok: true,
      address: "64:ff9b::5db8:d822",
      family: 6,
    });
  });
});

describe("a webhook saved before the check knew better", () => {
  const received: string[] = [];
  const receiver = http.createServer((request, response) => {
    received.push(request.url ?? "");
    response.writeHead(204).end();
  });

  beforeAll(async () => {
    installRuntime({ webhooksAllowPrivate: false });
    await migrateControlPlane();
    await new Promise<void>((resolve) => receiver.listen(0, "::", resolve));
  });
  afterAll(() => {
    receiver.closeAllConnections();
    receiver.close();
  });

  it("is refused again at delivery, and nothing is sent", async () => {
    const port = (receiver.address() as AddressInfo).port;
    await s.run(
      s.db
        .insert(t.webhooks)
        .values({ id: newId(), url: `http://[::7f00:1]:${port}/hook`, format: "json", events: ["handraise"], secret: "s" }),
    );
    await s.transaction((tx) => enqueueAlert(tx, { kind: "handraise", text: "A prospect raised a hand", data: {} }));
    expect(await deliverDue()).toBe(1);
    expect(received).toEqual([]);
    expect(await s.one(s.db.select().from(t.webhookOutbox))).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "::7f00:1 points inside a private network; webhooks only go to public addresses",
    });
  });
});
