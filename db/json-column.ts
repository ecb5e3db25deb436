// A JSON column read through raw SQL: SQLite hands back its text, PostgreSQL's jsonb arrives parsed.
export function parseJsonColumn<Value>(raw: unknown): Value | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== "string") return raw as Value;
  try {
    return JSON.parse(raw) as Value;
  } catch {
    return null;
  }
}
