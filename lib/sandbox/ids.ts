// Random, unguessable ids (128 bits) for visitors and sandboxes, and the one check of their shape.
import "server-only";
import crypto from "node:crypto";

export function newId(): string {
  return crypto.randomBytes(16).toString("base64url");
}

/** A well-formed id is exactly 22 url-safe characters: never a path, never "../". */
export function isWellFormedId(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{22}$/.test(value);
}
