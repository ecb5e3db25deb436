// Conversations: every prospect who asked to talk, live, with what they did beside it.
import { ConversationsWorkspace } from "@/components/sales/ConversationsWorkspace";
import { requireRole } from "@/lib/auth/team-session";
import { teamInbox } from "@/lib/conversations/conversations";

export default async function ConversationsPage({ searchParams }: { searchParams: Promise<{ c?: string }> }) {
  await requireRole("sales", { next: "/sales/conversations" });
  const { c } = await searchParams;
  const inbox = await teamInbox();
  return (
    <>
      <h1>Conversations</h1>
      <p className="muted">Prospects ask here without giving a name or an email. The first to reply takes the conversation.</p>
      <ConversationsWorkspace
        initialInbox={inbox}
        initialSelected={typeof c === "string" && inbox.some((item) => item.id === c) ? c : undefined}
      />
    </>
  );
}
