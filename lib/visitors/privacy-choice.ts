// The browser's privacy requests Openhouse honors: Global Privacy Control and Do-Not-Track.
import "server-only";
export function honorsNoTracking(headers: Headers): boolean {
  return headers.get("sec-gpc") === "1" || headers.get("dnt") === "1";
}
