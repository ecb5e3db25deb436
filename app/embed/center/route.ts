// GET /embed/center — the demo center for another site's page (lib/embed/demo-center.ts).
import { demoCenterAnswer } from "@/lib/embed/demo-center";
import { nonceOf } from "@/lib/http/security-headers";

export async function GET(request: Request): Promise<Response> {
  return demoCenterAnswer(request, nonceOf(request.headers.get("content-security-policy")));
}
