// Makes a sandbox file from today's template: take a warm spare or copy under a temporary name, then rename
// into place. (Personalisation lives in the control row; see personalization.ts.)
// A crash at any point leaves either the old file or the new one, never half of one.
import "server-only";
import fs from "node:fs";
import { runtime } from "@/lib/runtime/runtime";
import { sandboxFile, temporaryFileFor } from "./files";
import { claimSpare, refillSpares } from "./spares";

export function copyTemplate(template: string, sandboxId: string): void {
  const target = sandboxFile(sandboxId);
  fs.mkdirSync(runtime().paths.sandboxes, { recursive: true });
  const temporary = temporaryFileFor(target);
  try {
    // A warm spare when there is one (a rename), otherwise a fresh copy, first under our own temporary name:
    // a crash in between leaves a .tmp for GC, never a half-made sandbox.
    if (!claimSpare(template, temporary)) fs.copyFileSync(template, temporary);
    refillSpares(template);
    // A replaced file's old -wal/-shm must not be replayed over the new content.
    fs.rmSync(`${target}-wal`, { force: true });
    fs.rmSync(`${target}-shm`, { force: true });
    fs.renameSync(temporary, target);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
