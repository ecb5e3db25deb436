// Which client JavaScript a product page (/s/[sandbox]) downloads, read from a finished `next build`: every
// chunk beside Next's and React's own, raw and gzip (level 9), and which one holds the tracker, the tour and zod.
// Usage: npm run bench:client [-- <project dir holding .next> [route]]
// bench/tour.ts reuses readPageChunks and printOwnChunks to put the tour's share of it beside other libraries.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import zlib from "node:zlib";

/** Strings only one part of the app contains, found in the minified chunks. */
const markers = { tracker: "/api/signals", tour: "data-tour", zod: "ZodError" } as const;
export type Marker = keyof typeof markers;

interface ClientManifest {
  clientModules: Record<string, { id: number | string; chunks: string[] }>;
  entryJSFiles: Record<string, string[]>;
}

export interface ChunkModule {
  ids: number[];
  source: string;
  deps: number[];
  chunk: string;
}

export interface PageChunk {
  file: string;
  source: string;
  modules: ChunkModule[];
  /** Client components (by project path) among the chunk's modules. */
  named: string[];
  holds: Marker[];
  /** Next's and React's own: left out of the app's totals. */
  framework: boolean;
}

export interface PageChunks {
  nextDir: string;
  route: string;
  chunks: PageChunk[];
  /** Module id → client component path, from the client reference manifest. */
  names: Map<number, string>;
}

export const gzipBytes = (text: string) => zlib.gzipSync(text, { level: 9 }).length;
export const rawBytes = (text: string) => Buffer.byteLength(text);
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

/** Next writes the App Router's client reference manifest as a script assigning globalThis.__RSC_MANIFEST. */
function readClientManifest(nextDir: string, route: string): ClientManifest {
  const file = path.join(nextDir, "server", "app", ...route.split("/").filter(Boolean), "page_client-reference-manifest.js");
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`next build\` first`);
  const context: { __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
  vm.runInNewContext(fs.readFileSync(file, "utf8"), Object.assign(context, { globalThis: context }));
  const manifest = context.__RSC_MANIFEST?.[`${route}/page`];
  if (!manifest) throw new Error(`${file} has no entry for ${route}/page`);
  return manifest;
}

/** The entry chunks of the page's segments: the root layout, each nested layout, then the page. */
function pageChunks(manifest: ClientManifest, route: string): string[] {
  const segments = route.split("/").filter(Boolean);
  const dirs = ["", ...segments.map((_, index) => `/${segments.slice(0, index + 1).join("/")}`)];
  const keys = [...dirs.flatMap((dir) => [`[project]/app${dir}/layout`, `[project]/app${dir}/template`]), `[project]/app${route}/page`];
  return [...new Set(keys.flatMap((key) => manifest.entryJSFiles[key] ?? []))];
}

/** Turbopack chunks push [script, id, factory, id, id, factory, …]; several ids before one factory are merged modules. */
function readModules(chunk: string, source: string): ChunkModule[] {
  const context: { TURBOPACK: unknown[][] } = { TURBOPACK: [] };
  try {
    vm.runInNewContext(source, Object.assign(context, { globalThis: context }), { timeout: 1000 });
  } catch {
    return []; // Not a Turbopack chunk (e.g. a webpack build): sizes only.
  }
  const modules: ChunkModule[] = [];
  for (const entry of context.TURBOPACK) {
    let ids: number[] = [];
    for (const item of entry.slice(1)) {
      if (typeof item === "number") ids.push(item);
      else if (typeof item === "function") {
        const text = item.toString();
        const runtime = /^\(?([\w$]+)/.exec(text)?.[1] ?? "e";
        const deps = [...text.matchAll(new RegExp(`\\b${runtime.replace("$", "\\$")}\\.[ir]\\((\\d+)\\)`, "g"))].map((match) =>
          Number(match[1]),
        );
        modules.push({ ids, source: text, deps: [...new Set(deps)], chunk });
        ids = [];
      }
    }
  }
  return modules;
}

/** Every module reachable from the seeds through imports, among the modules the page loads. */
export function closure(seeds: ChunkModule[], byId: Map<number, ChunkModule>): Set<ChunkModule> {
  const reached = new Set<ChunkModule>();
  const queue = [...seeds];
  for (let module = queue.pop(); module; module = queue.pop()) {
    if (reached.has(module)) continue;
    reached.add(module);
    for (const dep of module.deps) {
      const next = byId.get(dep);
      if (next) queue.push(next);
    }
  }
  return reached;
}

/** The client chunks the route's page loads, read from a finished `next build` in projectDir. */
export function readPageChunks(projectDir: string, route: string = "/s/[sandbox]"): PageChunks {
  const nextDir = path.join(projectDir, ".next");
  // Every App Router page loads the root main files (React, React DOM, Next's runtime) before its own chunks.
  const buildManifestFile = path.join(nextDir, "build-manifest.json");
  if (!fs.existsSync(buildManifestFile)) throw new Error(`no production build in ${nextDir}: run \`next build\` in ${projectDir} first`);
  const buildManifest = readJson<{ rootMainFiles?: string[] }>(buildManifestFile);
  const rootMainFiles = buildManifest.rootMainFiles ?? [];
  const manifest = readClientManifest(nextDir, route);
  const names = new Map<number, string>();
  for (const [name, entry] of Object.entries(manifest.clientModules)) names.set(Number(entry.id), name.replace("[project]/", ""));

  const chunks = [...new Set([...rootMainFiles, ...pageChunks(manifest, route)])].map((file): PageChunk => {
    const source = fs.readFileSync(path.join(nextDir, file.replace(/^\/?_next\//, "")), "utf8");
    const modules = readModules(file, source);
    const named = modules.flatMap((module) => module.ids.flatMap((id) => names.get(id) ?? []));
    // Next's own client components (layout router, error boundaries) ride in a chunk of their own.
    const nextOnly = named.length > 0 && named.every((name) => /^node_modules\/(next|react|react-dom)\//.test(name));
    const holds = (Object.keys(markers) as Marker[]).filter((marker) => source.includes(markers[marker]));
    return { file, source, modules, named, holds, framework: rootMainFiles.includes(file) || (nextOnly && holds.length === 0) };
  });
  return { nextDir, route, chunks, names };
}

/** One line per chunk of the app's own (Next's and React's left out), then the total and what was left out. */
export function printOwnChunks({ chunks }: PageChunks): void {
  const own = chunks.filter((chunk) => !chunk.framework);
  console.log("\nchunk                                raw        gzip   holds          client components in it");
  for (const chunk of own) {
    const components = chunk.named.filter((name) => !name.startsWith("node_modules/"));
    console.log(
      `${chunk.file.padEnd(34)} ${kB(rawBytes(chunk.source)).padStart(9)} ${kB(gzipBytes(chunk.source)).padStart(9)}   ${(chunk.holds.join(", ") || "-").padEnd(14)} ${components.join(", ")}`,
    );
  }
  const total = own.map((chunk) => chunk.source).join("");
  console.log(`${"total (the app's own)".padEnd(34)} ${kB(rawBytes(total)).padStart(9)} ${kB(gzipBytes(total)).padStart(9)}`);
  const excluded = chunks.filter((chunk) => chunk.framework);
  const excludedSource = excluded.map((chunk) => chunk.source).join("");
  console.log(
    `left out as Next/React framework: ${excluded.length} chunks, ${kB(gzipBytes(excludedSource))} gzip (${excluded.map((chunk) => chunk.file).join(" ")})`,
  );
}

function main(): void {
  const projectDir = path.resolve(process.argv[2] ?? ".");
  const route = process.argv[3] ?? "/s/[sandbox]";
  console.log(`bench:client: reading the production build in ${path.join(projectDir, ".next")} for ${route} …`);
  const page = readPageChunks(projectDir, route);
  const { chunks, names } = page;
  printOwnChunks(page);
  const own = chunks.filter((chunk) => !chunk.framework);

  const modules = own.flatMap((chunk) => chunk.modules);
  const byId = new Map(modules.flatMap((module) => module.ids.map((id) => [id, module] as const)));
  const having = (marker: Marker) => modules.filter((module) => module.source.includes(markers[marker]));

  console.log("");
  for (const marker of ["tracker", "tour"] as const) {
    const holders = own.filter((chunk) => chunk.holds.includes(marker)).map((chunk) => chunk.file);
    console.log(`${marker} is in: ${holders.join(", ") || "no chunk of this page"}`);
  }

  const tracker = closure(having("tracker"), byId);
  if (tracker.size > 0) {
    const code = [...tracker].map((module) => module.source).join("");
    const pullsZod = [...tracker].some((module) => module.source.includes(markers.zod));
    console.log(
      `tracker's own code (the module holding "${markers.tracker}" and all it imports, ${tracker.size} module(s)): ` +
        `${kB(rawBytes(code))} raw, ${gzipBytes(code)} B gzip; pulls in zod: ${pullsZod ? "YES" : "no"}`,
    );
  }

  const zod = having("zod");
  if (zod.length === 0) console.log("zod: not loaded by this page");
  else {
    const zodCode = zod.map((module) => module.source).join("");
    const through = [...names]
      .filter(([id, name]) => !name.startsWith("node_modules/") && byId.has(id))
      .filter(([id]) => {
        const root = byId.get(id);
        return root !== undefined && zod.some((module) => closure([root], byId).has(module));
      })
      .map(([, name]) => name);
    console.log(
      `zod: ${kB(rawBytes(zodCode))} raw, ${kB(gzipBytes(zodCode))} gzip, in ${[...new Set(zod.map((module) => module.chunk))].join(", ")}`,
    );
    console.log(`zod is loaded because these client components import it (directly or not): ${through.join(", ") || "unknown"}`);
  }
}

// Run as a script (npm run bench:client), not when bench/tour.ts imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    console.error(`bench:client: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
