"use client";
// True once React has hydrated the page. Buttons that work through onClick (not a form action,
// which React replays after hydration) stay disabled until then, so an early click is never lost.
import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
