// Reads one cookie from a raw Cookie header, for handlers that work below Next's cookies() helper.
export function cookieFromHeader(header: string | null | undefined, name: string): string | undefined {
  const prefix = `${name}=`;
  const raw = header
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

export function readCookie(request: Request, name: string): string | undefined {
  return cookieFromHeader(request.headers.get("cookie"), name);
}
