// What pages make from every demo's definition (journeys' step titles, the visitor list's tour lengths), kept per
// process and made again only when a demo's source hash changes: reading and parsing every definition on every
// request cost more than the pages' own queries.
import "server-only";
import { demoVersions } from "@/db/queries/journeys";
import { demoDefinitions } from "@/db/queries/rep-views";
import type { DemoDefinition } from "@/lib/demos/demo-schema";
import { runtime } from "@/lib/runtime/runtime";
import type { PerDemoVersion } from "@/lib/runtime/shared-state";

/** `key`'s value for the demos as registered now: made by `make` from their definitions when they changed. */
export async function perDemoVersion<Key extends keyof PerDemoVersion>(
  key: Key,
  make: (demos: { slug: string; definition: DemoDefinition }[]) => PerDemoVersion[Key],
): Promise<PerDemoVersion[Key]> {
  const version = await demoVersions();
  const cache = runtime().shared(key, () => ({ version: "", made: undefined }));
  if (cache.made === undefined || cache.version !== version) {
    cache.made = make(await demoDefinitions());
    cache.version = version;
  }
  return cache.made as PerDemoVersion[Key];
}
