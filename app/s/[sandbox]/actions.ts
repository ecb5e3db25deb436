"use server";
// The sample product's writes, each made by lib/pipeline/form-action.ts: it marks the start, checks the sandbox
// is the caller's, parses the form, writes within the quota, records the action and answers the form's state. Next 16 takes an
// exported const here (its transform checks at run time that each export is a function); the action-marking
// test in tests/unit/next-workarounds holds every export to being made by the wrapper.
import { logActivityInput } from "@/lib/pipeline/activity-input";
import { columnMappingInput, readContactsUpload, uploadInput } from "@/lib/pipeline/contact-import-input";
import { discardContactImport } from "@/lib/pipeline/contact-import-store";
import { moveStageInput, newDealInput } from "@/lib/pipeline/deal-input";
import { controlFormAction, sandboxAction, sandboxFormAction, sandboxUploadAction } from "@/lib/pipeline/form-action";
import { importContactsWrite, mapColumnsWrite, remapColumnsWrite, stageUploadWrite } from "@/lib/pipeline/import-writes";
import { createDealWrite, logActivityWrite, moveStageWrite } from "@/lib/pipeline/recorded-writes";
import { resetOwnedSandbox } from "@/lib/sandbox/reset";
import { copyNameInput, makeInviteLink, nameInCopy, turnOffInviteLink } from "@/lib/sandbox/shared-copies";

export const createDealAction = sandboxFormAction(newDealInput, createDealWrite, { invalidMessage: "Please fix the highlighted fields" });

export const moveStageAction = sandboxFormAction(moveStageInput, moveStageWrite);

/** "Log an activity" on a deal: a call, email or meeting, with whom and what happened. */
export const logActivityAction = sandboxFormAction(logActivityInput, logActivityWrite, {
  invalidMessage: "Please fix the highlighted fields",
});

/** Import contacts, step 1: the visitor's CSV file, read and kept in the sandbox for its column mapping. */
export const uploadContactsAction = sandboxUploadAction(readContactsUpload, stageUploadWrite);

/** Step 2: which column fills which field. */
export const mapContactColumnsAction = sandboxFormAction(columnMappingInput, mapColumnsWrite);

/** Back from the review to the mapping. */
export const remapContactColumnsAction = sandboxFormAction(uploadInput, remapColumnsWrite);

/** Step 3: the ready rows created, all or none. */
export const importContactsAction = sandboxFormAction(uploadInput, importContactsWrite);

/** "Choose another file": the import in progress is dropped. */
export const discardContactImportAction = sandboxAction(({ db }) => discardContactImport(db));

/** "Reset demo": the same sandbox back to today's template; the client then clears the tour and reloads. */
export const resetSandboxAction = sandboxAction(resetOwnedSandbox);

/** "Invite a colleague": this copy's link, made when first asked for (the header then shows it). */
export const makeInviteLinkAction = sandboxAction(makeInviteLink);

/** "Turn the link off": whoever has it gets a friendly page; a new link can be made. */
export const turnOffInviteLinkAction = sandboxAction(turnOffInviteLink);

/** "Your name in this copy": optional; the copy's other people then see it instead of "Colleague 2". */
export const nameInCopyAction = controlFormAction(copyNameInput, nameInCopy);
