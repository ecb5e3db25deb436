// Every API answers a failure as JSON {error}. A library that answers in its own shape (better-auth sends
// {message, code}, or an empty body for an unknown endpoint) is given ours too; its own fields are kept for
// any client that reads them.

const fallbackMessages: Record<number, string> = {
  400: "The request could not be understood",
  401: "Sign in first",
  403: "Not allowed",
  404: "There is no API at this address",
  405: "This address does not answer that method",
  413: "The request body is too large",
  415: "Send JSON (Content-Type: application/json)",
  429: "Too many requests; wait a moment and try again",
};

async function jsonObjectOf(response: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = JSON.parse(await response.clone().text());
    return body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function withErrorField(response: Response): Promise<Response> {
  if (response.status < 400) return response;
  const body = await jsonObjectOf(response);
  if (typeof body.error === "string") return response;
  const message = typeof body.message === "string" && body.message ? body.message : fallbackMessages[response.status];
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("content-type", "application/json");
  // better-auth says when to retry in a header of its own; standard clients read Retry-After.
  const retryAfter = headers.get("x-retry-after");
  if (retryAfter && !headers.has("retry-after")) headers.set("retry-after", retryAfter);
  return new Response(JSON.stringify({ ...body, error: message ?? "The request was refused" }), { status: response.status, headers });
}
