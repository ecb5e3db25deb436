// One error shape for every API: HTTP status + JSON {error}. A visitor never sees a stack trace.
export function jsonError(status: number, error: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error }, { status, headers: { "cache-control": "no-store", ...headers } });
}

export function jsonOk(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** The handler for every method a route does not serve: 405 in the one error shape, naming the ones it does. */
export function methodNotAllowed(...allowed: string[]): () => Response {
  return () => jsonError(405, `This address only answers ${allowed.join(" and ")}`, { allow: allowed.join(", ") });
}
