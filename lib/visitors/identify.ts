// Who is asking, from what a request carries: the signed visitor cookie (or a new id), the coarse client
// class of the user agent, and the privacy choice (GPC / Do-Not-Track). Nothing else about them is read.
import "server-only";
import { cookieFromHeader } from "@/lib/http/cookies";
import { newId } from "@/lib/sandbox/ids";
import { classifyUserAgent } from "./client-class";
import { honorsNoTracking } from "./privacy-choice";
import { verifyVisitorCookie, visitorCookieName } from "./visitor-cookie";
import type { VisitorClient } from "./visitor-record";

export type RequestVisitor = {
  visitorId: string;
  /** False when the id was made for this request: the browser had no valid cookie. */
  returning: boolean;
  client: VisitorClient;
  doNotTrack: boolean;
};

export function identifyVisitor(request: Pick<Request, "headers">): RequestVisitor {
  const known = verifyVisitorCookie(cookieFromHeader(request.headers.get("cookie"), visitorCookieName));
  const doNotTrack = honorsNoTracking(request.headers);
  return {
    visitorId: known ?? newId(),
    returning: known !== undefined,
    client: { ...classifyUserAgent(request.headers.get("user-agent")), doNotTrack },
    doNotTrack,
  };
}
