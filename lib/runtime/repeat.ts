// The runtime's upkeep timers (retention, the fold, the signal watch, the webhook outbox, …): a task repeated on
// an interval, one run at a time (a slow run is followed by the next, never overlapped by it), a failed run
// logged and the next one tried. Its stop clears the timer and returns the run in flight, so the runtime closes
// the database after that run, not under it (lib/runtime/runtime.ts close()).
import "server-only";

export type StopRepeating = () => Promise<void>;

export function repeatEvery(
  everyMs: number,
  label: string,
  task: (stopping: () => boolean) => Promise<unknown>,
  options: { runNow?: boolean; onlyWhen?: () => boolean } = {},
): StopRepeating {
  let stopped = false;
  let running: Promise<void> | undefined;
  const run = () => {
    // onlyWhen: a singleton's gate (lib/runtime/singletons.ts); a tick on a node that does not hold it does nothing.
    if (running || stopped || (options.onlyWhen && !options.onlyWhen())) return;
    running = task(() => stopped)
      .then(() => undefined)
      .catch((error: unknown) => console.error(`openhouse: ${label} failed`, error))
      .finally(() => {
        running = undefined;
      });
  };
  if (options.runNow) run();
  // unref'd: upkeep never keeps the process alive.
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
    return running ?? Promise.resolve();
  };
}
