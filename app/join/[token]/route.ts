// /join/<token> — "Invite a colleague": GET shows the invitation (or why it cannot be joined), POST joins.
import { NextResponse } from "next/server";
import { acceptInvite, showInvite } from "@/lib/sandbox/invite-request";

type Context = { params: Promise<{ token: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  return showInvite((await context.params).token, request);
}

export async function POST(request: Request, context: Context): Promise<Response> {
  const outcome = await acceptInvite((await context.params).token, request);
  if (outcome.kind === "refused") return outcome.page;
  const response = new NextResponse(null, { status: 303, headers: { location: outcome.location, "cache-control": "no-store" } });
  response.cookies.set(outcome.cookie.name, outcome.cookie.value, outcome.cookie.options);
  return response;
}
