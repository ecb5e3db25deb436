// PATCH /api/studio/preview/<sandbox> {persona?, locale?} — switch a studio preview's persona or locale.
import { methodNotAllowed } from "@/lib/http/responses";
import { teamRoute } from "@/lib/http/team-route";
import { patchPreviewSettings, previewSettingsSchema } from "@/lib/studio/preview/settings-api";

export const PATCH = teamRoute(
  { permission: "studio", params: ["sandbox"], body: previewSettingsSchema, maxBodyBytes: 1024 },
  ({ member, params, body }) => patchPreviewSettings(params.sandbox, member.user.id, body),
);

export const GET = methodNotAllowed("PATCH");
export const POST = GET;
export const PUT = GET;
export const DELETE = GET;
