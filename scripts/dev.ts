// `npm run dev`: Next's development server (fast refresh, no build) behind the same composition root and front
// door as `npm start`, so every answer a user can see — wrong methods, broken addresses, forged Server
// Actions, hostile signals bodies — is the production one.
import { root, serve } from "./serve";

process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";

await serve({ dev: true, started: Date.now() });
