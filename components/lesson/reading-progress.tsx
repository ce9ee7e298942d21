"use client";
// Progress for the signed-in learner on static pages: fetched from the browser, so the page
// itself stays prerendered and anonymous readers cost nothing.
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { useSession } from "next-auth/react";
import { saveReadingPositionAction, setLessonReadAction } from "@/app/lessons/actions";

type LessonProgress = { slug: string; percent: number; read: boolean; lastParagraphId: string | null };

// Components mounted together share one request instead of each fetching the same data.
let inFlight: Promise<LessonProgress[] | null> | null = null;
function fetchReadingProgress(): Promise<LessonProgress[] | null> {
  inFlight ??= fetch("/api/v1/me/reading", { cache: "no-store" })
    .then((response) => (response.ok ? (response.json() as Promise<{ lessons: LessonProgress[] }>) : null))
    .then((body) => body?.lessons ?? null)
    .catch(() => null)
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

function useReadingProgress() {
  const { status } = useSession();
  const [lessons, setLessons] = useState<LessonProgress[] | null>(null);
  useEffect(() => {
    if (status !== "authenticated") return;
    let cancelled = false;
    void fetchReadingProgress().then((result) => {
      if (!cancelled && result) setLessons(result);
    });
    return () => {
      cancelled = true;
    };
  }, [status]);
  return { signedIn: status === "authenticated", lessons, setLessons };
}

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div className="flex items-center gap-3 font-sans text-sm">
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 flex-1 overflow-hidden rounded-full bg-[#e7e3da]">
        <div className="h-full rounded-full bg-quote transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <span className="w-12 text-right tabular-nums text-muted">{percent}%</span>
    </div>
  );
}

/** On the lesson list: a bar per lesson once we know who is reading. */
export function LessonListProgress({ slug, title }: { slug: string; title: string }) {
  const { lessons } = useReadingProgress();
  const progress = lessons?.find((l) => l.slug === slug);
  if (!progress) return null;
  return (
    <div className="mt-3 space-y-1">
      <ProgressBar percent={progress.percent} label={`${title}: reading progress`} />
      {progress.read ? (
        <p className="font-sans text-sm text-quote">Read</p>
      ) : progress.lastParagraphId ? (
        <p className="font-sans text-sm">
          <Link href={`/lessons/${slug}#${progress.lastParagraphId}`}>Continue where you left off</Link>
        </p>
      ) : null}
    </div>
  );
}

/** On a lesson page: remembers the furthest paragraph reached and offers "mark as read". */
export function LessonReadingTracker({ slug, blockIds }: { slug: string; blockIds: string[] }) {
  const { signedIn, lessons, setLessons } = useReadingProgress();
  const progress = lessons?.find((l) => l.slug === slug);
  const furthest = useRef(-1);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (progress?.lastParagraphId) furthest.current = Math.max(furthest.current, blockIds.indexOf(progress.lastParagraphId));
  }, [progress?.lastParagraphId, blockIds]);

  useEffect(() => {
    if (!signedIn) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const index = blockIds.indexOf((entry.target as HTMLElement).dataset.blockId ?? "");
          if (index <= furthest.current) continue;
          furthest.current = index;
          const paragraphId = blockIds[index];
          if (!paragraphId) continue;
          // Debounced: a fast scroll sends one update, not twenty.
          clearTimeout(timer);
          timer = setTimeout(() => void saveReadingPositionAction({ slug, paragraphId }), 800);
        }
      },
      { rootMargin: "0px 0px -40% 0px" },
    );
    for (const id of blockIds) {
      const element = document.getElementById(id);
      if (element) observer.observe(element);
    }
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [signedIn, slug, blockIds]);

  const toggleRead = useCallback(async () => {
    const read = !progress?.read;
    const result = await setLessonReadAction({ slug, read });
    if (!result.ok) {
      setMessage(result.message);
      return;
    }
    setMessage(read ? "Marked as read." : "Marked as not read.");
    setLessons((current) => current?.map((l) => (l.slug === slug ? { ...l, read, percent: read ? 100 : l.percent } : l)) ?? null);
  }, [progress?.read, slug, setLessons]);

  if (!signedIn) {
    return (
      <p className="font-sans text-sm text-muted">
        <Link href={`/signin?callbackUrl=${encodeURIComponent(`/lessons/${slug}`)}`}>Sign in</Link> to keep track of your reading.
      </p>
    );
  }
  return (
    <div className="space-y-2 font-sans">
      {progress ? <ProgressBar percent={progress.percent} label="Your reading progress in this lesson" /> : null}
      <button type="button" className={progress?.read ? "btn btn-secondary" : "btn"} onClick={toggleRead} aria-pressed={Boolean(progress?.read)}>
        {progress?.read ? "✓ Read — mark as not read" : "Mark lesson as read"}
      </button>
      <p role="status" className="text-sm text-muted">
        {message}
      </p>
    </div>
  );
}

/** At the top of a lesson: a link back to where the learner stopped last time. */
export function ResumeLink({ slug }: { slug: string }) {
  const { lessons } = useReadingProgress();
  const progress = lessons?.find((l) => l.slug === slug);
  if (!progress?.lastParagraphId || progress.read) return null;
  return (
    <p className="rounded-md border border-rule bg-white px-3 py-2 font-sans text-sm no-print">
      You have read {progress.percent}% of this lesson. <a href={`#${progress.lastParagraphId}`}>Jump to where you left off</a>
    </p>
  );
}
