// The one shape of the sample product's Server Actions: mark the start, find the caller's own sandbox, parse
// the form, write within the sandbox's quota, have Next render the sandbox afresh, answer an ActionState.
import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { formFields, notAFormMessage } from "@/lib/http/form-fields";
import { markServerActionStarted } from "@/lib/next-workarounds/action-decode-failures";
import type { OwnedSandbox } from "@/lib/sandbox/access";
import { tellCopyOfWrite } from "@/lib/sandbox/copy-news";
import { requireOwnSandbox } from "@/lib/sandbox/request";
import { writeWithinQuota } from "@/lib/sandbox/storage-full";
import { recordSandboxAction } from "@/lib/signals/record-action";
import type { ActionState, RecordedAction } from "./action-state";

/** What an action needs from Next, handed in so a test can stand in for the request. */
export type ActionHost = {
  /** The caller's own live sandbox. Throws Next's notFound() when it is not theirs, redirect() when it is gone. */
  ownSandbox(sandboxId: unknown): Promise<OwnedSandbox>;
  /** Has Next render the layout at `path`, and every page under it, afresh. */
  revalidateLayout(path: string): void;
};

/** A write the sandbox itself turned down ("That deal no longer exists"): shown to the visitor as it is. */
export type Refusal = { error: string };

/** What a successful write hands the form. */
export type WriteOutcome = Pick<ActionState, "dealId" | "action">;

/** A form action's write gets the parsed input; it runs synchronously, inside the sandbox's quota. */
export type FormWrite<Input> = (context: OwnedSandbox & { input: Input }) => WriteOutcome | Refusal;

/** Turns an upload form's FormData into a write's input, or a refusal the visitor reads. */
export type UploadRead<Input> = (form: FormData) => Promise<{ input: Input } | Refusal>;

export type FormActionOptions = {
  /** Shown above the fields when any is wrong; without it, the first problem's own message is. */
  invalidMessage?: string;
};

/** Arguments are `unknown`: anyone can call an action id with any arguments, not only the ones our forms send. */
export type SandboxFormAction = (sandboxId: unknown, previous: unknown, form: unknown) => Promise<ActionState>;
export type SandboxAction = (sandboxId: unknown) => Promise<ActionState>;

/** Longest value handed back per field: enough for anything our forms accept, never an echo of a huge post. */
const maxValueLength = 200;

function firstErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
  return fields;
}

/** The schema's own fields as the visitor typed them; anything else a post carried is not echoed. */
function typedValues(fields: Record<string, string>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.filter((name) => name in fields).map((name) => [name, (fields[name] ?? "").slice(0, maxValueLength)]));
}

/**
 * A posted form as `inputSchema` reads it, with the fields as the visitor typed them (handed back on a refusal);
 * or the state that says what is wrong — `invalidMessage` above the fields when given, else the first problem.
 */
function parseForm<Schema extends z.ZodObject>(
  inputSchema: Schema,
  form: unknown,
  invalidMessage?: string,
): { input: z.output<Schema>; values: Record<string, string> } | { state: ActionState } {
  const fields = formFields(form);
  if (!fields) return { state: { error: notAFormMessage } };
  const values = typedValues(fields, Object.keys(inputSchema.shape));
  const parsed = inputSchema.safeParse(fields);
  if (parsed.success) return { input: parsed.data, values };
  const fieldErrors = firstErrors(parsed.error.issues);
  return { state: { error: invalidMessage ?? Object.values(fieldErrors)[0], fieldErrors, values } };
}

const sandboxPath = (sandboxId: string) => `/s/${sandboxId}`;

/**
 * The sandbox write has committed by now; failing to record it must not tell the visitor their work was lost
 * (it was not), so a failure here is logged and the answer goes out.
 */
async function recordAction(owned: OwnedSandbox, action: RecordedAction): Promise<void> {
  // A studio preview is nobody's visit: its writes are real in its sandbox, and recorded nowhere.
  if (owned.kind === "preview") return;
  const recorded = recordSandboxAction(owned.sandbox, action, owned.visitorId).catch((error: unknown) => {
    console.error(`openhouse: could not record ${action.kind} for a sandbox`, error);
  });
  // In a shared copy, the others' open pages show it now: told beside the record, not after it. Each is a commit
  // of its own and both describe a sandbox write that has committed already; one after the other, the copy's
  // people waited for two (npm run bench:committee).
  await Promise.all([recorded, tellCopyOfWrite(owned.sandbox.id, owned.visitorId, action)]);
}

/** The product's actions, run against `host`: Next's request in the app, a stand-in in tests. */
export function sandboxActionsOn(host: ActionHost) {
  /** An action behind a form whose fields `inputSchema` parses; `write` sees only typed input. */
  function sandboxFormAction<Schema extends z.ZodObject>(
    inputSchema: Schema,
    write: FormWrite<z.output<Schema>>,
    { invalidMessage }: FormActionOptions = {},
  ): SandboxFormAction {
    return async function formAction(sandboxId: unknown, _previous: unknown, form: unknown): Promise<ActionState> {
      markServerActionStarted();
      // Ownership first: a stranger's id is not found, whatever else the call carried.
      const owned = await host.ownSandbox(sandboxId);
      const parsed = parseForm(inputSchema, form, invalidMessage);
      if ("state" in parsed) return parsed.state;
      const { input, values } = parsed;
      const outcome = writeWithinQuota(() => write({ ...owned, input }));
      if ("error" in outcome) return { error: outcome.error, values };
      // Committed to the event store before the visitor (and the tour waiting on it) hears of it.
      if (outcome.action) await recordAction(owned, outcome.action);
      host.revalidateLayout(sandboxPath(owned.sandbox.id));
      return { ...outcome, done: Date.now() };
    };
  }

  /**
   * An action behind a form that carries a file. `formFields` leaves files out, so `read` gets the FormData
   * itself and parses it (it may await the file's bytes); `write` sees only what `read` made of it.
   */
  function sandboxUploadAction<Input>(read: UploadRead<Input>, write: FormWrite<Input>): SandboxFormAction {
    return async function uploadAction(sandboxId: unknown, _previous: unknown, form: unknown): Promise<ActionState> {
      markServerActionStarted();
      // Ownership first: a stranger's id is not found, whatever else the call carried.
      const owned = await host.ownSandbox(sandboxId);
      if (!(form instanceof FormData)) return { error: notAFormMessage };
      const parsed = await read(form);
      if ("error" in parsed) return { error: parsed.error };
      const outcome = writeWithinQuota(() => write({ ...owned, input: parsed.input }));
      if ("error" in outcome) return { error: outcome.error };
      host.revalidateLayout(sandboxPath(owned.sandbox.id));
      return { ...outcome, done: Date.now() };
    };
  }

  /**
   * An action behind a form whose write is to the control plane rather than the sandbox file (a name in a shared
   * copy): parsed as any form is, then `write` may refuse with a sentence the visitor reads.
   */
  function controlFormAction<Schema extends z.ZodObject>(
    inputSchema: Schema,
    write: (owned: OwnedSandbox, input: z.output<Schema>) => Promise<Refusal | undefined>,
  ): SandboxFormAction {
    return async function formAction(sandboxId: unknown, _previous: unknown, form: unknown): Promise<ActionState> {
      markServerActionStarted();
      const owned = await host.ownSandbox(sandboxId);
      const parsed = parseForm(inputSchema, form);
      if ("state" in parsed) return parsed.state;
      const { input, values } = parsed;
      const refused = await write(owned, input);
      if (refused) return { error: refused.error, values };
      host.revalidateLayout(sandboxPath(owned.sandbox.id));
      return { done: Date.now() };
    };
  }

  /** An action without a form ("Reset demo"): nothing to parse, nothing to refuse. */
  function sandboxAction(write: (context: OwnedSandbox) => void | Promise<void>): SandboxAction {
    return async function action(sandboxId: unknown): Promise<ActionState> {
      markServerActionStarted();
      const owned = await host.ownSandbox(sandboxId);
      await write(owned);
      host.revalidateLayout(sandboxPath(owned.sandbox.id));
      return { done: Date.now() };
    };
  }

  return { sandboxFormAction, sandboxUploadAction, controlFormAction, sandboxAction };
}

const nextRequest: ActionHost = {
  ownSandbox: requireOwnSandbox,
  revalidateLayout: (path) => revalidatePath(path, "layout"),
};

export const { sandboxFormAction, sandboxUploadAction, controlFormAction, sandboxAction } = sandboxActionsOn(nextRequest);
