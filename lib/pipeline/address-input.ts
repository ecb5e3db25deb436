// What the sample product reads from its addresses: a record's id in the path, a search in ?q=.
import { z } from "zod";

const plainDigits = /^[1-9]\d{0,15}$/;

/** A record's id: plain digits, so 0x1, 1e0 and " 1" are not another name for 1. `message` is what a form shows. */
export const recordId = (message?: string) =>
  z.string({ message }).regex(plainDigits, message).transform(Number).pipe(z.number().max(Number.MAX_SAFE_INTEGER, message));

/** A record's id in an address (/deals/1, /companies/2): anything else is not found. */
export const recordIdParam = recordId();

/** The id in an address segment, or undefined for anything that is not one (the page answers not found). */
export function recordIdFrom(segment: string): number | undefined {
  const parsed = recordIdParam.safeParse(segment);
  return parsed.success ? parsed.data : undefined;
}

/** Longest search kept: longer than any name in Pipeline, short enough that a 10 kB ?q= is never echoed. */
export const maxSearchLength = 100;

/**
 * What a visitor searched for, from ?q= as Next hands it over (absent, once, or repeated): the first value,
 * control characters dropped, runs of spaces made one, cut to `maxSearchLength` characters (never mid-emoji).
 */
export function searchQuery(raw: string | string[] | undefined): string {
  const first = Array.isArray(raw) ? raw[0] : raw;
  const cleaned = (first ?? "")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return Array.from(cleaned).slice(0, maxSearchLength).join("").trim();
}
