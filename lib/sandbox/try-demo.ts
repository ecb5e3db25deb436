// "Try it": what GET /try/<demo> does, as one function the route calls and the tests drive. The browser's
// own sandbox for the demo is resumed (taking the link's persona), or a new one is made from today's template
// when the client is within its provisioning rate; the answer says where to send the browser.
import "server-only";
import { attributeOpening, linkPersonalization, liveShareLink } from "@/lib/accounts/attribution";
import { isRegisteredDemo } from "@/lib/demos/gallery";
import { clientIpHeaderName } from "@/lib/http/client-ip";
import { runtime } from "@/lib/runtime/runtime";
import { type ArrivalSource, arrivalSource } from "@/lib/visitors/arrival-source";
import { identifyVisitor } from "@/lib/visitors/identify";
import { embeddedVisitorCookieOptions, signVisitorId, visitorCookieName, visitorCookieOptions } from "@/lib/visitors/visitor-cookie";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { missingDemoPath } from "./missing-demo";
import { parsePersonalization } from "./personalization";
import { provisionSandbox } from "./provision";
import { parseRenewedReason } from "./renewal";

export type VisitorCookie = {
  name: string;
  value: string;
  options: ReturnType<typeof visitorCookieOptions> | ReturnType<typeof embeddedVisitorCookieOptions>;
};

export type TryDemoOptions = {
  /** Started from a demo embedded in another site's page: the source is that page, the cookie the embed's. */
  embedded?: { source: ArrivalSource };
};

export type TryDemoOutcome =
  | { kind: "open"; location: string; sandboxId: string; created: boolean; cookie: VisitorCookie }
  | { kind: "no-such-demo"; location: string }
  | { kind: "rate-limited"; retryAfterSeconds: number };

export async function tryDemo(
  demoSlug: string,
  request: Pick<Request, "url" | "headers">,
  { embedded }: TryDemoOptions = {},
): Promise<TryDemoOutcome> {
  if (!(await isRegisteredDemo(demoSlug))) return { kind: "no-such-demo", location: missingDemoPath(demoSlug) };
  const url = new URL(request.url);
  const visitor = identifyVisitor(request);
  // A share link (?via=) brings its account, persona and company name; a dead or unknown one is ignored.
  const link = await liveShareLink(url.searchParams.get("via"));
  const fromUrl = parsePersonalization(url.searchParams);
  const personalization = link ? linkPersonalization(link, fromUrl) : fromUrl;

  const address = request.headers.get(clientIpHeaderName) ?? "unknown";
  const limiter = runtime().limiters.provision;
  let created = false;
  let nodeLost = false;
  const sandbox = await provisionSandbox(visitor.visitorId, demoSlug, {
    personalization,
    // Their copy was on a node that stopped: the fresh one says why, as one found gone on its own page would.
    onRetired: (reason) => {
      nodeLost = reason === "node-lost";
    },
    async admitNew() {
      if (!(await limiter.tryTake(address))) return false;
      created = true;
      // Where they came from is tracking, so not for a browser that asked not to be tracked.
      const arrival = embedded?.source ?? arrivalSource(url, request.headers.get("referer"));
      const source = visitor.doNotTrack ? undefined : arrival;
      await touchVisitor(visitor.visitorId, { source, client: visitor.client });
      return true;
    },
  });
  if (!sandbox) return { kind: "rate-limited", retryAfterSeconds: await limiter.retryAfterSeconds(address) };
  if (!created) await touchVisitor(visitor.visitorId, { client: visitor.client });
  // After the visitor row exists; a link flood is provisioned like any other arrivals (rate limit, spares,
  // live cap above), and its openings only count as people once they interact (lib/accounts/people.ts).
  if (link) await attributeOpening(link, { visitorId: visitor.visitorId, doNotTrack: visitor.doNotTrack, newSandbox: created });

  const renewed = parseRenewedReason(url.searchParams.get("renewed")) ?? (nodeLost ? "node-lost" : undefined);
  const secure = (request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "")) === "https";
  // Inside a frame (an embed, or /try reached from one when an old copy was renewed) only the embed's cookie is kept.
  const framed = embedded !== undefined || request.headers.get("sec-fetch-dest") === "iframe";
  return {
    kind: "open",
    location: `/s/${sandbox.id}${renewed ? `?renewed=${renewed}` : ""}`,
    sandboxId: sandbox.id,
    created,
    cookie: {
      name: visitorCookieName,
      value: signVisitorId(visitor.visitorId),
      options: framed ? embeddedVisitorCookieOptions() : visitorCookieOptions(secure),
    },
  };
}
