// An account's engagement score with its reasons, for the account page (server component: no client JS).
import { accountScore } from "@/lib/insights/journey";
import { ScoreReasons } from "./ScoreReasons";

export async function AccountScore({ accountId }: { accountId: string }) {
  const found = await accountScore(accountId);
  if (!found) return <p className="muted">No score yet: nobody from this account has interacted with a demo.</p>;
  return (
    <p className="account-score" data-testid="account-score">
      Score <ScoreReasons score={found.score} reasons={found.reasons} />
    </p>
  );
}
