// A sandbox at its page cap (SANDBOX_MAX_PAGES) answers SQLITE_FULL; the visitor gets a message, not a 500.
import "server-only";

export const sandboxFullMessage =
  "This demo copy is full, so that change was not saved. Use “Reset demo” in the header to start over with a clean copy.";

export function isSandboxFull(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "SQLITE_FULL";
}

/** Runs a sandbox write; a full sandbox becomes `{ error }` for the form, anything else is rethrown. */
export function writeWithinQuota<T>(write: () => T): T | { error: string } {
  try {
    return write();
  } catch (error) {
    if (isSandboxFull(error)) return { error: sandboxFullMessage };
    throw error;
  }
}
