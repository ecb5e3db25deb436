// The data directory holds secrets and visitors' data: nobody but the server's own user may read any of it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dataPaths } from "@/lib/config";
import { keepDataPrivate } from "@/lib/runtime/private-data";
import { startOpenhouse } from "@/lib/runtime/start";
import { newId } from "@/lib/sandbox/ids";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { touchVisitor } from "@/lib/visitors/visitor-record";

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-private-"));
  made.push(dir);
  return dir;
}

describe("the data directory", () => {
  it("is the server user's alone, with every file in it, from the first start on", async () => {
    // A directory the operator made with the usual umask: anyone could list it.
    const dataDir = path.join(freshDir(), "data");
    fs.mkdirSync(dataDir, { mode: 0o755 });
    fs.chmodSync(dataDir, 0o755);
    const started = await startOpenhouse({ config: { dataDir }, maintenance: false });
    try {
      const visitor = newId();
      await touchVisitor(visitor);
      const sandbox = await provisionSandbox(visitor, "pipeline-basics");
      const paths = dataPaths(dataDir);
      expect(modeOf(dataDir).toString(8)).toBe("700");
      for (const folder of [paths.templates, paths.spares, paths.sandboxes]) expect(modeOf(folder).toString(8), folder).toBe("700");
      const files = [
        // On PostgreSQL the control plane is the server's to keep: no control.sqlite here.
        ...(started.runtime.config.databaseUrl ? [] : [paths.control, `${paths.control}-wal`, `${paths.control}-shm`]),
        paths.secretFile,
        path.join(paths.sandboxes, `${sandbox.id}.sqlite`),
        ...fs.readdirSync(paths.templates).map((name) => path.join(paths.templates, name)),
        ...fs.readdirSync(paths.spares).map((name) => path.join(paths.spares, name)),
      ];
      for (const file of files) expect(modeOf(file).toString(8), file).toBe("600");
    } finally {
      await started.stop();
    }
  });

  it("tightens what an older version left readable", () => {
    const dataDir = freshDir();
    const paths = dataPaths(dataDir);
    fs.mkdirSync(paths.sandboxes);
    const left = [paths.control, `${paths.control}-wal`, paths.secretFile, path.join(paths.sandboxes, "old.sqlite")];
    for (const file of left) fs.writeFileSync(file, "x", { mode: 0o644 });
    for (const file of left) fs.chmodSync(file, 0o644);
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(paths.sandboxes, 0o755);
    keepDataPrivate(dataDir, paths);
    expect(modeOf(dataDir).toString(8)).toBe("700");
    expect(modeOf(paths.sandboxes).toString(8)).toBe("700");
    for (const file of left) expect(modeOf(file).toString(8), file).toBe("600");
  });

  it("never changes a shared directory such as /tmp, only its own files in it", () => {
    const shared = freshDir();
    fs.chmodSync(shared, 0o1777);
    keepDataPrivate(shared, dataPaths(shared));
    expect(modeOf(shared).toString(8)).toBe("777");
    expect(fs.statSync(shared).mode & 0o1000).toBe(0o1000);
  });
});
