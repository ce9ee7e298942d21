"use client";
// The lesson page's reading tracker. It lives beside its only page because it calls the lesson's
// server actions (components never import app/); the shared reading data and bar stay in
// components/lesson/reading-progress.tsx.
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { saveReadingPositionAction, setLessonReadAction } from "@/app/lessons/actions";
import { ProgressBar, useReaderData } from "@/components/lesson/reading-progress";
import { percentRead } from "@/lib/progress/percent";

const SAVE_DELAY_MS = 800;

/**
 * On a lesson page: follows the furthest paragraph reached, moves the bar as the learner reads,
 * saves the place (reaching the last paragraph counts as read) and offers "mark as read".
 * `endMarker` is the id of an element right after the last paragraph: once it is in view the
 * whole lesson has been read, even on a screen too tall for the last paragraph to scroll up.
 */
export function LessonReadingTracker({ slug, blockIds, endMarker }: { slug: string; blockIds: string[]; endMarker: string }) {
  const { account, data, failed, setLesson } = useReaderData();
  const signedIn = account.state === "signed-in";
  const saved = data?.lessons.find((l) => l.slug === slug);
  const [furthest, setFurthest] = useState(-1);
  const furthestSeen = useRef(-1);
  const [message, setMessage] = useState<string | null>(null);
  const pending = useRef<string | null>(null);
  // Once the learner marks the lesson read or unread here, reaching the end no longer decides it:
  // otherwise "mark as not read" clicked at the end would be undone by the save of that end.
  const choseByHand = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const reachedIndex = Math.max(furthest, saved?.lastParagraphId ? blockIds.indexOf(saved.lastParagraphId) : -1);
  const read = Boolean(saved?.read);
  const percent = percentRead(blockIds, blockIds[reachedIndex] ?? null, read);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const paragraphId = pending.current;
    pending.current = null;
    if (!paragraphId) return;
    void saveReadingPositionAction({ slug, paragraphId }).then(
      (result) => {
        if (!result.ok) return setMessage(result.message);
        setLesson(result.progress);
        if (result.progress.read && paragraphId === blockIds[blockIds.length - 1]) setMessage("You have read to the end: this lesson counts as read.");
      },
      // Offline or the server went away: the place is kept and sent again with the next paragraph,
      // when the browser is back online, or when the reader leaves the page.
      () => {
        pending.current ??= paragraphId;
      },
    );
  }, [slug, blockIds, setLesson, setMessage]);

  useEffect(() => {
    if (!signedIn) return;
    // The end counts only once the reader has scrolled: a short lesson whose end is already on the
    // screen when it opens has not been read yet (the button is there for that).
    let scrolled = false;
    const last = blockIds.length - 1;
    const reach = (index: number) => {
      if (index === last && (!scrolled || choseByHand.current)) return;
      if (index < 0 || index <= furthestSeen.current) return;
      furthestSeen.current = index;
      setFurthest(index);
      pending.current = blockIds[index] ?? null;
      // Debounced: a fast scroll sends one update, not twenty.
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    };
    const paragraphs = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) reach(blockIds.indexOf((entry.target as HTMLElement).id));
        }
      },
      { rootMargin: "0px 0px -40% 0px" },
    );
    let endInView = false;
    const end = new IntersectionObserver((entries) => {
      endInView = entries.some((entry) => entry.isIntersecting);
      if (endInView) reach(last);
    });
    const onScroll = () => {
      scrolled = true;
      if (endInView) reach(last);
    };
    for (const id of blockIds) {
      const element = document.getElementById(id);
      if (element) paragraphs.observe(element);
    }
    const marker = document.getElementById(endMarker);
    if (marker) end.observe(marker);
    // Leaving the page (a link, closing the tab) saves the place at once instead of dropping it.
    window.addEventListener("pagehide", flush);
    // A save that failed offline is kept and sent when the connection is back.
    window.addEventListener("online", flush);
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      paragraphs.disconnect();
      end.disconnect();
      window.removeEventListener("pagehide", flush);
      window.removeEventListener("online", flush);
      window.removeEventListener("scroll", onScroll);
      flush();
    };
  }, [signedIn, blockIds, endMarker, flush]);

  const toggleRead = async () => {
    const next = !read;
    choseByHand.current = true;
    if (pending.current === blockIds[blockIds.length - 1]) {
      clearTimeout(timer.current);
      pending.current = null;
    }
    const result = await setLessonReadAction({ slug, read: next });
    if (!result.ok) {
      setMessage(result.message);
      return;
    }
    setMessage(next ? "Marked as read." : "Marked as not read.");
    setLesson({ slug, read: next, lastParagraphId: saved?.lastParagraphId ?? null, percent: percentRead(blockIds, saved?.lastParagraphId ?? null, next) });
  };

  // Until the learner's progress is known the button would show the wrong state (and a click
  // would flip a lesson already read back to unread), so it waits for the data.
  if (account.state === "unknown" || (signedIn && !data && !failed)) return <div className="h-16" aria-hidden="true" />;
  if (!signedIn) {
    return (
      <p className="font-sans text-sm text-muted">
        <Link href={`/signin?callbackUrl=${encodeURIComponent(`/lessons/${slug}`)}`}>Sign in</Link> to keep track of your reading.
      </p>
    );
  }
  return (
    <div className="space-y-2 font-sans">
      <ProgressBar percent={percent} label="Your reading progress in this lesson" />
      {failed && !data ? <p className="text-sm text-muted">Your earlier reading progress could not be loaded; reload the page to try again.</p> : null}
      <button type="button" className={read ? "btn btn-secondary" : "btn"} onClick={toggleRead} aria-pressed={read}>
        {read ? "✓ Read — mark as not read" : "Mark lesson as read"}
      </button>
      <p role="status" className="text-sm text-muted">
        {message}
      </p>
    </div>
  );
}
