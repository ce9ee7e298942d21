"use client";
// A date shown in the reader's own time zone. The server renders it in UTC (it cannot know the
// reader's zone); right after hydration the browser re-renders it in local time.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

type Props = { iso: string; withTime?: boolean };

function format(iso: string, withTime: boolean, timeZone?: string): string {
  const date = new Date(iso);
  return date.toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}),
    ...(timeZone ? { timeZone, timeZoneName: withTime ? "short" : undefined } : {}),
  });
}

export function LocalTime({ iso, withTime = true }: Props) {
  const text = useSyncExternalStore(
    noSubscription,
    () => format(iso, withTime),
    () => format(iso, withTime, "UTC"),
  );
  return <time dateTime={iso}>{text}</time>;
}
