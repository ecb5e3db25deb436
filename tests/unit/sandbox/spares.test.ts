import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { templateFor } from "@/lib/demos/registry";
import { installRuntime, runtime } from "@/lib/runtime/runtime";
import { sandboxFile } from "@/lib/sandbox/files";
import { newId } from "@/lib/sandbox/ids";
import { createSandbox } from "@/lib/sandbox/provision";
import { claimSpare, fillSpares } from "@/lib/sandbox/spares";
import { touchVisitor } from "@/lib/visitors/visitor-record";

beforeAll(() => migrateControlPlane());

const sparesDir = () => path.join(runtime().config.dataDir, "spares");
const spares = () => fs.readdirSync(sparesDir()).filter((name) => name.endsWith(".sqlite"));
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("warm spares", () => {
  it("hands a visitor a ready copy by rename, identical to the template, and refills the pool", async () => {
    const template = templateFor("pipeline-basics");
    fillSpares(template, 3);
    expect(spares()).toHaveLength(3);
    const spareFiles = new Set(spares().map((name) => fs.statSync(path.join(sparesDir(), name)).ino));
    const visitor = newId();
    await touchVisitor(visitor);
    const sandbox = await createSandbox(visitor, "pipeline-basics", undefined);
    // By rename: the sandbox is one of the spares' very files (the pool may already be refilling meanwhile).
    expect(spareFiles.has(fs.statSync(sandboxFile(sandbox.id)).ino)).toBe(true);
    expect(fs.readFileSync(sandboxFile(sandbox.id)).equals(fs.readFileSync(template))).toBe(true);
    for (let turn = 0; turn < 20 && spares().length < runtime().config.sandboxSpares; turn++) await nextTurn();
    expect(spares().length).toBe(runtime().config.sandboxSpares);
  });

  it("drops an older template's spares, and only this demo's, when a new process adopts the folder", async () => {
    const template = templateFor("pipeline-basics");
    const base = path.basename(template, ".sqlite");
    const stale = path.join(sparesDir(), `${base.replace(/\d{8}$/, "20200101")}--${newId()}.sqlite`);
    const otherDemo = path.join(sparesDir(), `pipeline-basics-pro-${"a".repeat(12)}-20200101--${newId()}.sqlite`);
    fs.writeFileSync(stale, "yesterday's data");
    fs.writeFileSync(otherDemo, "another demo's spare");
    // A new process: a new runtime over the same data directory, with no pools in memory yet.
    installRuntime();
    const destination = path.join(runtime().config.dataDir, "claimed.sqlite");
    expect(claimSpare(template, destination)).toBe(true);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(otherDemo)).toBe(true);
    expect(fs.readFileSync(destination).equals(fs.readFileSync(template))).toBe(true);
  });
});
