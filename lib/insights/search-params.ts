// Next hands a page its query as a record of strings and arrays; the filters parse a URLSearchParams.
// The first value of a repeated parameter wins, as URLSearchParams.get does.

export function searchParamsOf(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(record)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(name, first);
  }
  return params;
}
