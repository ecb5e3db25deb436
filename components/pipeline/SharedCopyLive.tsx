"use client";
// A shared copy, live: when someone else in it creates, moves or edits something, this page shows it without a
// reload (Next renders the page afresh from the copy) and says so politely, for screen readers too; and how many
// of its people have it open now. Mounted only in a copy that has a link or people, so a copy nobody shares
// opens no stream for it.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { openLiveStream } from "@/components/live/open-live-stream";

export function SharedCopyLive({ sandboxId, present: initialPresent }: { sandboxId: string; present: number }) {
  const router = useRouter();
  const [notice, setNotice] = useState("");
  const [present, setPresent] = useState(initialPresent);

  useEffect(
    () =>
      openLiveStream("visitor", ["copy.changed", "copy.presence"], (event) => {
        if (event.payload.sandboxId !== sandboxId) return;
        switch (event.type) {
          case "copy.changed":
            setNotice(event.payload.notice);
            router.refresh();
            return;
          case "copy.presence":
            setPresent(event.payload.present);
        }
      }),
    [sandboxId, router],
  );

  return (
    <>
      {present > 1 ? (
        <p className="copy-presence muted" data-testid="copy-presence">
          {present} people in this copy now
        </p>
      ) : null}
      <p className="copy-notice" role="status" data-testid="copy-notice">
        {notice}
      </p>
    </>
  );
}
