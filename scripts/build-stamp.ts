// Decides whether the production build is stale: a hash of every input `next build` reads.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const inputs = ["app", "components", "lib", "db", "public", "proxy.ts", "next.config.ts", "tsconfig.json", "package-lock.json"];
// demos:check's browser walk drives Chromium from outside the app and is never bundled by Next: editing it must
// not make the checker rebuild the very app it is about to walk.
const notBuilt = new Set([path.join("lib", "demos", "walk")]);
const stampFile = (root: string) => path.join(root, ".next", "openhouse-build-stamp");

function addTree(hash: crypto.Hash, root: string, relative: string): void {
  const full = path.join(root, relative);
  if (notBuilt.has(relative) || !fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) addTree(hash, root, path.join(relative, name));
  } else {
    hash.update(relative).update("\0").update(fs.readFileSync(full)).update("\0");
  }
}

export function sourceHash(root: string): string {
  const hash = crypto.createHash("sha256");
  for (const input of inputs) addTree(hash, root, input);
  return hash.digest("hex");
}

export function buildIsCurrent(root: string): boolean {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return false;
  try {
    return fs.readFileSync(stampFile(root), "utf8") === sourceHash(root);
  } catch {
    return false;
  }
}

export function recordBuild(root: string, hash: string): void {
  fs.writeFileSync(stampFile(root), hash);
}
