// What a rep sees beside a conversation: where the prospect is (demo, current step, persona), where they came
// from (account or source), the language their tour is shown in, their device class, and what they built in the
// sandbox — all from usage signals, nothing typed. A visitor who asked not to be tracked shows only the demo they
// asked from: their thread is not linked to their events (conversations.linked), so none are read.
import "server-only";
import { latestReportedLocale, latestStepViewed, newestSandboxActions, visitorContextRow } from "@/db/queries/conversations";
import { sandboxById } from "@/db/queries/sandboxes";
import type { ConversationContext, InboxEntry } from "@/lib/contracts/conversations";
import { localePattern } from "@/lib/demos/locale";
import { describeAction } from "@/lib/insights/describe-action";
import { storedPersonalization } from "@/lib/sandbox/personalization";

const builtLimit = 8;

/** The newest sandbox actions of one visitor, newest first, as the sentences a rep reads. */
export async function builtInSandbox(visitorId: string, limit = builtLimit): Promise<string[]> {
  return (await newestSandboxActions(visitorId, limit)).map((action) => describeAction(action.action, action.props ?? {}));
}

/** The locale the visitor's tour last reported (props.locale on its signals). */
export async function tourLocale(visitorId: string): Promise<string | undefined> {
  const locale = await latestReportedLocale(visitorId);
  return typeof locale === "string" && localePattern.test(locale) ? locale : undefined;
}

export async function conversationContext(
  entry: Pick<InboxEntry, "visitorId" | "demoTitle" | "sandboxId" | "linked">,
): Promise<ConversationContext> {
  if (!entry.linked || !entry.visitorId) return { demo: entry.demoTitle, linked: false, built: [] };
  const visitorId = entry.visitorId;
  const visitor = await visitorContextRow(visitorId);
  const sandbox = entry.sandboxId ? await sandboxById(entry.sandboxId) : undefined;
  const stepId = await latestStepViewed(visitorId);
  const locale = await tourLocale(visitorId);
  const { persona, company } = storedPersonalization(sandbox?.personalization) ?? {};
  return {
    demo: entry.demoTitle,
    linked: true,
    ...(company ? { madeFor: company } : {}),
    ...(stepId ? { currentStep: stepId } : {}),
    ...(persona ? { persona } : {}),
    ...(locale ? { locale } : {}),
    ...(visitor?.accountId && visitor.accountName ? { account: { id: visitor.accountId, name: visitor.accountName } } : {}),
    ...(visitor?.source ? { source: visitor.source } : {}),
    ...(visitor?.device ? { device: visitor.device } : {}),
    built: await builtInSandbox(visitorId, builtLimit),
  };
}
