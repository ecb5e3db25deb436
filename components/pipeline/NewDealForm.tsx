"use client";
// The product's own "New deal" editor (part of the sample app, not a lead form).
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import type { BoundFormAction } from "@/lib/pipeline/action-state";
import { type Stage, stages } from "@/lib/pipeline/vocabulary";
import { ActionError } from "./ActionError";
import { fieldErrorsOf } from "./field-errors";
import { stageLabels } from "./format";
import { useSandbox } from "./SandboxContext";
import { useAnnouncedAction } from "./use-announced-action";

type Props = {
  companies: { id: number; name: string }[];
  action: BoundFormAction;
};

export function NewDealForm({ companies, action }: Props) {
  const [state, submit, pending] = useActionState(action, {});
  const { sandboxId } = useSandbox();
  const router = useRouter();

  useAnnouncedAction(state);
  useEffect(() => {
    if (state.dealId) router.push(`/s/${sandboxId}/deals/${state.dealId}`);
  }, [state.dealId, sandboxId, router]);

  const { errorLink, fieldError } = fieldErrorsOf(state);

  return (
    <form action={submit} className="deal-form card" data-tour="new-deal-form" noValidate>
      <ActionError error={state.error} />
      <label htmlFor="title">Deal name</label>
      <input id="title" name="title" required maxLength={120} defaultValue={state.values?.title} {...errorLink("title")} />
      {fieldError("title")}
      <label htmlFor="companyId">Company</label>
      <select
        id="companyId"
        name="companyId"
        required
        defaultValue={state.values?.companyId ?? ""}
        key={`company-${state.values?.companyId ?? ""}`}
        {...errorLink("companyId")}
      >
        <option value="" disabled>
          Choose a company
        </option>
        {companies.map((company) => (
          <option key={company.id} value={company.id}>
            {company.name}
          </option>
        ))}
      </select>
      {fieldError("companyId")}
      <label htmlFor="amount">Amount (USD)</label>
      <input id="amount" name="amount" inputMode="numeric" required defaultValue={state.values?.amount} {...errorLink("amount")} />
      {fieldError("amount")}
      <label htmlFor="stage">Stage</label>
      <select
        id="stage"
        name="stage"
        defaultValue={state.values?.stage ?? ("lead" satisfies Stage)}
        key={`stage-${state.values?.stage ?? ""}`}
      >
        {stages.map((stage) => (
          <option key={stage} value={stage}>
            {stageLabels[stage]}
          </option>
        ))}
      </select>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : "Create deal"}
      </button>
    </form>
  );
}
