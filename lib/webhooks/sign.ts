// Webhook signatures: HMAC-SHA256 over "<unix seconds>.<body>" with the webhook's own secret, sent as
// `Openhouse-Signature: t=<seconds>,v1=<hex>`. Binding the timestamp makes a captured delivery worthless
// after the tolerance: a receiver refuses an old `t`, and cannot be fooled by a new `t` on an old body.
import crypto from "node:crypto";

export const signatureHeader = "openhouse-signature";
/** How old a delivery a receiver should still accept. */
export const toleranceSeconds = 300;

function mac(secret: string, seconds: number, body: string): string {
  return crypto.createHmac("sha256", secret).update(`${seconds}.${body}`).digest("hex");
}

export function signDelivery(secret: string, body: string, now: Date = new Date()): string {
  const seconds = Math.floor(now.getTime() / 1000);
  return `t=${seconds},v1=${mac(secret, seconds, body)}`;
}

/** What a receiver does (and our tests do): a good MAC on this exact body, made within the tolerance. */
export function verifyDelivery(secret: string, header: string | null | undefined, body: string, now: Date = new Date()): boolean {
  const parts = new Map((header ?? "").split(",").map((part) => part.split("=", 2) as [string, string]));
  const seconds = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(seconds) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now.getTime() / 1000 - seconds) > toleranceSeconds) return false;
  return crypto.timingSafeEqual(Buffer.from(mac(secret, seconds, body), "hex"), Buffer.from(given, "hex"));
}
