import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A visitor never sees which framework serves them.
  poweredByHeader: false,
  // Native modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3"],
  // Builds land beside the sources; `npm start` decides when one is stale.
  distDir: ".next",
  // forbidden() from the one guard (lib/auth/team-session.ts): a member whose role may not see a page gets a
  // 403 and app/forbidden.tsx saying why, instead of a redirect that hides what happened.
  experimental: { authInterrupts: true },
};

export default nextConfig;
