"use client";
// A shared copy, live: when someone else in it creates, moves or edits something, this page shows it without a
// reload (Next renders the page afresh from the copy) and says so politely, for screen readers too. Mounted only
// in a copy that has a link or people, so a copy nobody shares opens no stream for it.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { openLiveStream } from "@/components/live/open-live-stream";

export function SharedCopyLive({ sandboxId }: { sandboxId: string }) {
  const router = useRouter();
  const [notice, setNotice] = useState("");

  useEffect(
    () =>
      openLiveStream("visitor", ["copy.changed"], (event) => {
        if (event.payload.sandboxId !== sandboxId) return;
        setNotice(event.payload.notice);
        router.refresh();
      }),
    [sandboxId, router],
  );

  return (
    <p className="copy-notice" role="status" data-testid="copy-notice">
      {notice}
    </p>
  );
}
