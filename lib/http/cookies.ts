// Reads one cookie from a raw request, for route handlers that work on the Request itself.
export function readCookie(request: Request, name: string): string | undefined {
  const prefix = `${name}=`;
  const raw = request.headers
    .get("cookie")
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(prefix))
    ?.slice(prefix.length);
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

