// Share-link tokens: 192 random bits, URL-safe, so a link cannot be guessed or walked from another one.
import "server-only";
import crypto from "node:crypto";

const tokenBytes = 24;

export function newShareToken(): string {
  return crypto.randomBytes(tokenBytes).toString("base64url");
}

/** Exactly the shape newShareToken makes: anything else is not worth a database lookup. */
export function isWellFormedShareToken(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{32}$/.test(value);
}
