// One error for the accounts and share-links domain: a code the API maps to a status, a message that says
// what to do, and the form field it is about. Someone else's account and a made-up id read the same: not found.
export type AccountsErrorCode = "invalid-input" | "not-found" | "not-allowed";

const statusOf: Record<AccountsErrorCode, number> = { "invalid-input": 400, "not-found": 404, "not-allowed": 403 };

export class AccountsError extends Error {
  constructor(
    readonly code: AccountsErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AccountsError";
  }

  get status(): number {
    return statusOf[this.code];
  }
}

/** What a workspace server action answers: nothing on success, or the message to show. */
export type ActionResult = { error?: string };
