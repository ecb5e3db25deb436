"use client";
// A rep's suggestion in the prospect's thread: what it shows and why, with "Show me" and "Not now". Only the
// prospect's click moves anything; "Not now" folds the card, which stays in the thread for later.
import { useState } from "react";
import type { Suggestion } from "@/lib/contracts/conversations";

export function SuggestionCard({ suggestion, why, onShow }: { suggestion: Suggestion; why: string; onShow: () => Promise<void> }) {
  const [later, setLater] = useState(false);
  const [opening, setOpening] = useState(false);
  const what = suggestion.kind === "page" ? `The ${suggestion.label} page` : `Tour step: ${suggestion.label}`;
  return (
    <div className="suggestion-card" data-testid="suggestion-card">
      <p>
        <strong>{what}</strong>
      </p>
      <p>{why}</p>
      <div className="talk-actions">
        <button
          type="button"
          className="button"
          disabled={opening}
          onClick={() => {
            setOpening(true);
            void onShow().finally(() => setOpening(false));
          }}
        >
          Show me
        </button>
        {later ? (
          <span className="muted">Saved here for later.</span>
        ) : (
          <button type="button" className="button secondary" onClick={() => setLater(true)}>
            Not now
          </button>
        )}
      </div>
    </div>
  );
}
