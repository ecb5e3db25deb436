import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A visitor never sees which framework serves them.
  poweredByHeader: false,
  // Native modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3"],
  // Builds land beside the sources; `npm start` decides when one is stale.
  distDir: ".next",
};

export default nextConfig;
