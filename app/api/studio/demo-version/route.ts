// GET /api/studio/demo-version — { version, watching }: how a studio page learns that the demo files changed
// (the contract is documented in lib/studio/demo-version.ts). Marketers and admins only.
import { methodNotAllowed } from "@/lib/http/responses";
import { teamRoute } from "@/lib/http/team-route";
import { demoVersion } from "@/lib/studio/demo-version";

export const GET = teamRoute({ permission: "studio" }, async () => demoVersion());

export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
