"use server";
// The sample product's writes. Each action re-checks that the sandbox is the caller's.
import { revalidatePath } from "next/cache";
import { formFields, notAFormMessage } from "@/lib/http/form-fields";
import { markServerActionStarted } from "@/lib/next-workarounds/action-decode-failures";
import { moveStageInput, newDealInput } from "@/lib/pipeline/deal-input";
import { createDeal, moveDeal } from "@/lib/pipeline/pipeline";
import { requireOwnSandbox } from "@/lib/sandbox/request";
import { resetSandbox } from "@/lib/sandbox/reset";
import { writeWithinQuota } from "@/lib/sandbox/storage-full";

export type ActionState = {
  error?: string;
  fieldErrors?: Record<string, string>;
  /** What the visitor typed, handed back on an error: React resets a form after its action runs. */
  values?: Record<string, string>;
  dealId?: number;
  done?: number;
};

function typedValues(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value.slice(0, 200)]));
}

function firstErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    fields[key] ??= issue.message;
  }
  return fields;
}

// Arguments are `unknown`: an action id can be called with any arguments, not only the ones our forms send.
// Each action marks that it began, so npm start can tell Next's decoding failures (400) from ours (5xx).
export async function createDealAction(sandboxId: unknown, _previous: unknown, form: unknown): Promise<ActionState> {
  markServerActionStarted();
  const { sandbox, db } = await requireOwnSandbox(sandboxId);
  const fields = formFields(form);
  if (!fields) return { error: notAFormMessage };
  const parsed = newDealInput.safeParse(fields);
  if (!parsed.success) {
    return { error: "Please fix the highlighted fields", fieldErrors: firstErrors(parsed.error.issues), values: typedValues(fields) };
  }
  const result = writeWithinQuota(() => createDeal(db, parsed.data));
  if (typeof result !== "number") return { error: result.error, values: typedValues(fields) };
  revalidatePath(`/s/${sandbox.id}`, "layout");
  return { dealId: result, done: Date.now() };
}

export async function moveStageAction(sandboxId: unknown, _previous: unknown, form: unknown): Promise<ActionState> {
  markServerActionStarted();
  const { sandbox, db } = await requireOwnSandbox(sandboxId);
  const fields = formFields(form);
  if (!fields) return { error: notAFormMessage };
  const parsed = moveStageInput.safeParse(fields);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Choose a stage" };
  const result = writeWithinQuota(() => moveDeal(db, parsed.data));
  if ("error" in result) return { error: result.error };
  revalidatePath(`/s/${sandbox.id}`, "layout");
  return { dealId: parsed.data.dealId, done: Date.now() };
}

/** "Reset demo": the same sandbox back to today's template; the client then clears the tour and reloads. */
export async function resetSandboxAction(sandboxId: unknown): Promise<ActionState> {
  markServerActionStarted();
  const { sandbox } = await requireOwnSandbox(sandboxId);
  resetSandbox(sandbox);
  revalidatePath(`/s/${sandbox.id}`, "layout");
  return { done: Date.now() };
}
