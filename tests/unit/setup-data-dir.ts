// Each test file gets a fresh data directory with real SQLite files, removed afterwards.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-test-"));
process.env.DATA_DIR = dir;

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
