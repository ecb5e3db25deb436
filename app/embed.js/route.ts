// GET /embed.js — the loader a marketing page includes to embed a demo (lib/embed/loader-script.ts).
import { connection } from "next/server";
import { loaderAnswer } from "@/lib/embed/loader-script";

export async function GET(): Promise<Response> {
  // Read per request, never at build time: EMBED_ORIGINS is the running server's setting.
  await connection();
  return loaderAnswer();
}
