// `npm run dev`: demo files re-registered when they change, so the studio and the preview show an edit without
// a restart. A file that fails validation does not unregister its demo: it keeps its last good version for
// visitors while the studio lists the file:line problems (it reads them from the loader on every request).
import "server-only";
import fs from "node:fs";
import { listDemoSlugs, loadAllDemos } from "@/lib/demos/load-demo";
import { saveDemos } from "@/lib/demos/registry";
import { runtime } from "@/lib/runtime/runtime";
import { bumpDemoVersion, setDemoWatching } from "./demo-version";

/** Editors save in bursts (a temp file, a rename, a chmod): one reload per burst. */
export const demoWatchDebounceMs = 150;

/** Loads every demo, saves the valid ones, keeps the broken ones registered as they were; returns the new version. */
export async function reregisterDemos(): Promise<number> {
  const { demos } = loadAllDemos();
  const loaded = new Set(demos.map((demo) => demo.slug));
  const broken = listDemoSlugs().filter((slug) => !loaded.has(slug));
  await saveDemos(demos, broken);
  // templateFor caches each demo's template file for the day; a changed fixture has a new one.
  runtime().templates.files.clear();
  return bumpDemoVersion();
}

/** Watches the demos folder (recursively) until the returned cleanup runs. */
export function startDemoWatch(onReload: (version: number) => void = () => {}): () => void {
  const { demosDir } = runtime().config;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reload = () => {
    timer = undefined;
    // The version is bumped (and pages told) only once the demos are saved; a template that fails to compile
    // must not end the dev server: the next save tries again.
    reregisterDemos()
      .then(onReload)
      .catch((error: unknown) => console.error("openhouse: reloading the demos failed", error));
  };
  const watcher = fs.watch(demosDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(reload, demoWatchDebounceMs);
  });
  watcher.on("error", (error) => console.error("openhouse: watching demos/ stopped", error));
  setDemoWatching(true);
  return () => {
    clearTimeout(timer);
    watcher.close();
    setDemoWatching(false);
  };
}
