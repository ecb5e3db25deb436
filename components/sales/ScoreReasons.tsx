// A score with the reasons it is made of: "finished the tour +30 · created 3 deals +20 · raised a hand +50".
import type { Reason } from "@/lib/insights/score";

export function ScoreReasons({ score, reasons }: { score: number; reasons: Reason[] }) {
  return (
    <span className="score-reasons">
      <strong className="score" data-testid="score">
        {score}
      </strong>
      <span className="reasons" data-testid="reasons">
        {reasons.length === 0 ? "only looked around" : reasons.map((reason) => `${reason.text} +${reason.points}`).join(" · ")}
      </span>
    </span>
  );
}
