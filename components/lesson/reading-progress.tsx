"use client";
// Progress for the signed-in learner on static pages: fetched from the browser, so the page
// itself stays prerendered and anonymous readers cost nothing.
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import type { ReaderLessonAssignment } from "@/lib/progress/lesson-assignments";
import { useAccount } from "@/components/use-account";

type LessonProgress = { slug: string; percent: number; read: boolean; lastParagraphId: string | null };
type ReaderData = { lessons: LessonProgress[]; assignments: ReaderLessonAssignment[] };

// Components mounted together share one request instead of each fetching the same data.
let inFlight: Promise<ReaderData | null> | null = null;
function fetchReaderData(): Promise<ReaderData | null> {
  inFlight ??= fetch("/api/v1/me/reading", { cache: "no-store" })
    .then((response) => (response.ok ? (response.json() as Promise<ReaderData>) : null))
    .catch(() => null)
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

export function useReaderData() {
  const account = useAccount();
  const signedIn = account.state === "signed-in";
  const [data, setData] = useState<ReaderData | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!signedIn) return;
    let cancelled = false;
    void fetchReaderData().then((result) => {
      if (cancelled) return;
      if (result) setData(result);
      else setFailed(true);
    });
    return () => {
      cancelled = true;
    };
  }, [signedIn]);
  const setLesson = useCallback((next: LessonProgress) => {
    setData((current) => current && { ...current, lessons: current.lessons.map((l) => (l.slug === next.slug ? next : l)) });
  }, []);
  return { account, data, failed, setLesson };
}

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div className="flex items-center gap-3 font-sans text-sm">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 flex-1 overflow-hidden rounded-full bg-[#e7e3da]"
      >
        <div className="h-full rounded-full bg-quote transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <span className="w-12 text-right tabular-nums text-muted">{percent}%</span>
    </div>
  );
}

/** On the lesson list: a bar per lesson once we know who is reading. */
export function LessonListProgress({ slug, title }: { slug: string; title: string }) {
  const { data } = useReaderData();
  const progress = data?.lessons.find((l) => l.slug === slug);
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

/** At the top of a lesson: a link back to where the learner stopped last time. */
export function ResumeLink({ slug }: { slug: string }) {
  const { data } = useReaderData();
  const progress = data?.lessons.find((l) => l.slug === slug);
  if (!progress?.lastParagraphId || progress.read) return null;
  return (
    <p className="rounded-md border border-rule bg-white px-3 py-2 font-sans text-sm no-print">
      You have read {progress.percent}% of this lesson. <a href={`#${progress.lastParagraphId}`}>Jump to where you left off</a>
    </p>
  );
}
