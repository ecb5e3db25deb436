// How a page learns that the demo files changed: one number per process, bumped each time the dev watcher
// (demo-watch.ts) re-registers the demos. The contract, for the studio list and the preview alike:
//   - on the server, `demoVersion()` is { version, watching }; render it into the page;
//   - in the browser, <DemosChangedRefresh /> (components/studio/DemosChangedRefresh.tsx) polls
//     GET /api/studio/demo-version (same shape, studio role required) while `watching` is true and calls
//     router.refresh() when `version` differs from the one it was rendered with.
// `watching` is false under `npm start` (no watcher: demo files are read at start-up, and the studio still shows
// a file broken since then through the loader's problems), so production pages never poll.
import "server-only";
import { runtime } from "@/lib/runtime/runtime";

export type DemoVersion = { version: number; watching: boolean };

/** The state lives in the runtime: Next's bundles and the front door each have their own copy of this module. */
const state = () => runtime().shared("studio.demo-version", () => ({ version: 0, watching: false }));

export function demoVersion(): DemoVersion {
  const { version, watching } = state();
  return { version, watching };
}

/** Called after the demos were re-registered from their files. */
export function bumpDemoVersion(): number {
  state().version += 1;
  return state().version;
}

/** Whether a watcher re-registers demos on edits; set by startDemoWatch and reset by its cleanup. */
export function setDemoWatching(watching: boolean): void {
  state().watching = watching;
}
