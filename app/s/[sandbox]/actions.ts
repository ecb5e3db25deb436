"use server";
// The sample product's writes. Each action re-checks that the sandbox is the caller's.
import { revalidatePath } from "next/cache";
import { moveStageInput, newDealInput } from "@/lib/product/deal-input";
import { createDeal, moveDeal } from "@/lib/product/pipeline";
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

function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && !key.startsWith("$")) values[key] = value.slice(0, 200);
  return values;
}

function firstErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    fields[key] ??= issue.message;
  }
  return fields;
}

export async function createDealAction(sandboxId: string, _previous: ActionState, form: FormData): Promise<ActionState> {
  const { db } = await requireOwnSandbox(sandboxId);
  const parsed = newDealInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return { error: "Please fix the highlighted fields", fieldErrors: firstErrors(parsed.error.issues), values: typedValues(form) };
  }
  const result = writeWithinQuota(() => createDeal(db, parsed.data));
  if (typeof result !== "number") return { error: result.error, values: typedValues(form) };
  revalidatePath(`/s/${sandboxId}`, "layout");
  return { dealId: result, done: Date.now() };
}

export async function moveStageAction(sandboxId: string, _previous: ActionState, form: FormData): Promise<ActionState> {
  const { db } = await requireOwnSandbox(sandboxId);
  const parsed = moveStageInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Choose a stage" };
  const result = writeWithinQuota(() => moveDeal(db, parsed.data));
  if ("error" in result) return { error: result.error };
  revalidatePath(`/s/${sandboxId}`, "layout");
  return { dealId: parsed.data.dealId, done: Date.now() };
}

/** "Reset demo": the same sandbox back to today's template; the client then clears the tour and reloads. */
export async function resetSandboxAction(sandboxId: string): Promise<ActionState> {
  const { sandbox } = await requireOwnSandbox(sandboxId);
  resetSandbox(sandbox);
  revalidatePath(`/s/${sandboxId}`, "layout");
  return { done: Date.now() };
}
