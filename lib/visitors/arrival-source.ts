// Where a visitor came from, as the browser told us on arrival: utm_* parameters and the referrer's host.
// Never a full referrer URL (it can carry personal data), never anything the visitor did not send.
import "server-only";

const utmKeys = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;

export type ArrivalSource = Record<string, string>;

export function arrivalSource(url: URL, referrer: string | null): ArrivalSource {
  const source: ArrivalSource = {};
  for (const key of utmKeys) {
    const value = url.searchParams.get(key);
    if (value) source[key] = value.slice(0, 100);
  }
  if (referrer) {
    try {
      const host = new URL(referrer).host;
      if (host && host !== url.host) source.referrer = host.slice(0, 100);
    } catch {
      // A malformed Referer header is simply not a source.
    }
  }
  return source;
}
