// Shared steps for the product's tests: a visitor with a real sandbox, and the product's actions as that
// visitor's requests run them. Only Next's side of the request is a stand-in.
import { notFound } from "next/navigation";
import { logActivityInput } from "@/lib/pipeline/activity-input";
import { moveStageInput, newDealInput } from "@/lib/pipeline/deal-input";
import { type ActionHost, sandboxActionsOn } from "@/lib/pipeline/form-action";
import { createDealWrite, logActivityWrite, moveStageWrite } from "@/lib/pipeline/recorded-writes";
import { findOwnedSandbox } from "@/lib/sandbox/access";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { resetOwnedSandbox } from "@/lib/sandbox/reset";
import { demoSlug, newVisitor } from "../sandbox/helpers";

/** The product's actions as app/s/[sandbox]/actions.ts wires them, run against `host`. */
export function productActions(host: ActionHost) {
  const { sandboxFormAction, sandboxAction } = sandboxActionsOn(host);
  return {
    createDeal: sandboxFormAction(newDealInput, createDealWrite, { invalidMessage: "Please fix the highlighted fields" }),
    moveStage: sandboxFormAction(moveStageInput, moveStageWrite),
    logActivity: sandboxFormAction(logActivityInput, logActivityWrite, { invalidMessage: "Please fix the highlighted fields" }),
    reset: sandboxAction(resetOwnedSandbox),
  };
}

/** A visitor with a fresh sandbox, and Next's side of their requests stood in for: whose it is, what is re-rendered. */
export async function visitorHost() {
  const visitorId = await newVisitor();
  const sandbox = await provisionSandbox(visitorId, demoSlug);
  const owned = await findOwnedSandbox(sandbox.id, visitorId);
  if (!owned) throw new Error("the owner must find their sandbox");
  const revalidated: string[] = [];
  const host: ActionHost = {
    // requireOwnSandbox, with the visitor given instead of read from the signed cookie.
    ownSandbox: async (sandboxId) => (await findOwnedSandbox(sandboxId, visitorId)) ?? notFound(),
    revalidateLayout: (path) => {
      revalidated.push(path);
    },
  };
  return { visitorId, sandboxId: sandbox.id, db: owned.db, revalidated, host };
}

/** A visitor with a fresh sandbox, and the actions as that visitor's requests would run them. */
export async function visitorWithSandbox() {
  const { host, ...visitor } = await visitorHost();
  return { ...visitor, actions: productActions(host) };
}

export function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}
