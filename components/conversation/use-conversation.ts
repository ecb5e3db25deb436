"use client";
// The prospect's side of a conversation in the browser: the thread from GET /api/conversation, live replies
// and typing from the visitor stream (EventSource resumes with Last-Event-ID by itself), sending, marking read,
// and whether the team closed the conversation (they may write again) or paused it (they are told, not ignored).
// The stream is opened only once there is a thread or the panel is open: a page view alone costs no socket.
// Answers and events are read through the wire contracts (lib/contracts), whose parsers load with first use:
// they bring zod/mini, which stays off the product page's first load (the tour's budget counts that load).
import { useCallback, useEffect, useRef, useState } from "react";
import { openLiveStream } from "@/components/live/open-live-stream";
import type { SuggestionOpened, TeamStatus, ThreadMessage } from "@/lib/contracts/conversations";
import { typingSentEveryMs, typingShownMs } from "@/lib/conversations/typing-timing";

const wire = () => import("./conversation-wire");

/**
 * The thread as a fetch answered it, with what the stream delivered meanwhile: a reply that arrived live while
 * the fetch was on its way is not in its answer, and must not vanish when the answer lands.
 */
function mergeThread(fetched: ThreadMessage[], current: ThreadMessage[]): ThreadMessage[] {
  const known = new Set(fetched.map((message) => message.id));
  const arrived = current.filter((message) => !known.has(message.id));
  if (arrived.length === 0) return fetched;
  return [...fetched, ...arrived].sort((a, b) => a.at - b.at || a.id - b.id);
}

export function useConversation(options: { open: boolean; hasThread: boolean; initialUnread: number; sandboxId: string }) {
  const { open, sandboxId } = options;
  const [messages, setMessages] = useState<ThreadMessage[]>([]);
  const [unread, setUnread] = useState(options.initialUnread);
  const [team, setTeam] = useState<TeamStatus | undefined>();
  const [teamTyping, setTeamTyping] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const [hasThread, setHasThread] = useState(options.hasThread);
  const [status, setStatus] = useState<"open" | "closed">("open");
  const [paused, setPaused] = useState(false);
  /** Replies stopped arriving live in this tab: a newer tab took the stream over, or the server refused it. */
  const [liveStopped, setLiveStopped] = useState(false);
  const openRef = useRef(open);
  openRef.current = open;
  const lastTypingSent = useRef(0);

  const load = useCallback(async () => {
    const [{ readAnswer, visitorConversationSchema }, response] = await Promise.all([
      wire(),
      fetch("/api/conversation", { cache: "no-store" }),
    ]);
    const answer = await readAnswer(response, visitorConversationSchema);
    if (!answer.ok) return;
    const { thread, team } = answer.value;
    setTeam(team);
    if (thread) {
      setHasThread(true);
      setMessages((current) => mergeThread(thread.messages, current));
      setUnread(thread.unread);
      setStatus(thread.status);
      setPaused(thread.paused);
    }
  }, []);

  const markRead = useCallback(() => {
    setUnread(0);
    void fetch("/api/conversation/read", { method: "POST" });
  }, []);

  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  useEffect(() => {
    if (open && unread > 0) markRead();
  }, [open, unread, markRead]);

  // One stream for as long as there is a thread or the panel is open — not one per opening of the panel: a new
  // EventSource carries no Last-Event-ID, so a reply sent while the panel was being reopened would be lost.
  const live = open || hasThread;
  useEffect(() => {
    if (!live) return;
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    const close = openLiveStream(
      "visitor",
      ["message", "conversation.status", "typing"],
      (event) => {
        switch (event.type) {
          case "message": {
            const { messageId, author, authorName, body, at, suggestion } = event.payload;
            setMessages((current) =>
              current.some((message) => message.id === messageId)
                ? current
                : [...current, { id: messageId, author, authorName, body, at, ...(suggestion ? { suggestion } : {}) }],
            );
            if (author === "team") {
              setTeamTyping(undefined);
              if (!openRef.current) setUnread((count) => count + 1);
              else markRead();
            }
            return;
          }
          case "conversation.status":
            setStatus(event.payload.status);
            setPaused(event.payload.paused);
            return;
          case "typing":
            setTeamTyping("Someone from our team is typing…");
            clearTimeout(typingTimer);
            typingTimer = setTimeout(() => setTeamTyping(undefined), typingShownMs);
        }
      },
      {
        // A newer tab took the stream over, or the server refused it (too many tabs on this network).
        onStop: () => setLiveStopped(true),
        // A first connection replays nothing: what was sent before it is read from the thread, once connected.
        onOpen: () => {
          if (openRef.current) void load();
        },
      },
    );
    return () => {
      clearTimeout(typingTimer);
      close();
    };
  }, [live, markRead, load]);

  const send = useCallback(
    async (body: string): Promise<boolean> => {
      setSending(true);
      setError(undefined);
      try {
        const { readAnswer, visitorConversationSchema } = await wire();
        const response = await fetch("/api/conversation", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ body, sandbox: sandboxId }),
        });
        const answer = await readAnswer(response, visitorConversationSchema);
        if (!answer.ok || !answer.value.thread) {
          setError((answer.ok ? undefined : answer.error) ?? "Your message could not be sent; please try again");
          // Refused because the team paused it meanwhile: show that state, not only the error.
          if (response.status === 403) void load();
          return false;
        }
        const { thread, team } = answer.value;
        setHasThread(true);
        setMessages((current) => mergeThread(thread.messages, current));
        setStatus(thread.status);
        setTeam(team);
        return true;
      } catch {
        setError("You seem to be offline; your message was not sent");
        return false;
      } finally {
        setSending(false);
      }
    },
    [sandboxId, load],
  );

  /** "Show me" on a suggestion: the server notes it, and answers where to go (and the tour step to show). */
  const openSuggestion = useCallback(async (messageId: number): Promise<SuggestionOpened | undefined> => {
    const [{ readAnswer, suggestionOpenedSchema }, response] = await Promise.all([
      wire(),
      fetch(`/api/conversation/suggestions/${messageId}/opened`, { method: "POST" }),
    ]);
    const answer = await readAnswer(response, suggestionOpenedSchema);
    if (!answer.ok) {
      setError(answer.error ?? "That suggestion could not be opened; please try again");
      return undefined;
    }
    setMessages((current) =>
      current.map((message) =>
        message.id === messageId && message.suggestion
          ? { ...message, suggestion: { ...message.suggestion, openedAt: Date.now() } }
          : message,
      ),
    );
    return answer.value;
  }, []);

  const typing = useCallback(() => {
    if (!hasThread || Date.now() - lastTypingSent.current < typingSentEveryMs) return;
    lastTypingSent.current = Date.now();
    void fetch("/api/conversation/typing", { method: "POST" });
  }, [hasThread]);

  return { messages, unread, team, teamTyping, error, sending, send, typing, openSuggestion, status, paused, liveStopped };
}
