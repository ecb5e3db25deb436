// The one refusal an API answers with: a status and `{error, fields?}`, where `fields` names the input fields the
// message is about so a form can show it beside them. The domains' own errors map onto it here, once.
import "server-only";
import { AccountsError } from "@/lib/accounts/errors";
import { TeamError } from "@/lib/auth/team";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Field name → what is wrong with it, for a form; the message itself is always in `error`. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type ApiErrorBody = { error: string; fields?: Record<string, string> };

const teamStatus: Record<TeamError["code"], number> = { "invalid-input": 400, duplicate: 409, "not-found": 404, "last-admin": 409 };

const fieldsOf = (error: { message: string; field?: string }) => (error.field ? { [error.field]: error.message } : undefined);

/** The error as an ApiError, when it is one a person can act on; undefined for a bug. */
export function asApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof AccountsError) return new ApiError(error.status, error.message, fieldsOf(error));
  if (error instanceof TeamError) return new ApiError(teamStatus[error.code], error.message, fieldsOf(error));
  return undefined;
}

/** The response for anything a route threw. A bug is logged and answered 500 `{error}`: never its stack. */
export function apiErrorResponse(error: unknown): Response {
  const known = asApiError(error);
  if (!known) console.error("openhouse: an API route failed", error);
  const status = known?.status ?? 500;
  const body: ApiErrorBody = known
    ? { error: known.message, ...(known.fields ? { fields: known.fields } : {}) }
    : { error: "Something went wrong on our side; try again in a moment" };
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
