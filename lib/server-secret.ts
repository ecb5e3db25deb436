// The one server secret (cookie signatures, auth). Given by OPENHOUSE_SECRET, or generated once into
// the data directory (mode 0600) so that "no env file required" still means a strong, stable secret.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { runtime } from "@/lib/runtime/runtime";

export function serverSecret(): string {
  const current = runtime();
  if (current.secret) return current.secret;
  const { config, paths } = current;
  if (config.secret) {
    if (config.secret.length < 32) throw new Error("OPENHOUSE_SECRET must be at least 32 characters");
    current.secret = config.secret;
    return current.secret;
  }
  const file = paths.secretFile;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": two processes starting at once must not both write a different secret.
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  current.secret = fs.readFileSync(file, "utf8").trim();
  return current.secret;
}

/**
 * A salt for `purpose`, derived from the server secret: the same on every app node of a deployment (they share
 * the secret), different for each purpose, and useless without the secret.
 */
export function derivedSalt(purpose: string): Buffer {
  return crypto.createHmac("sha256", serverSecret()).update(`openhouse salt: ${purpose}`).digest();
}
