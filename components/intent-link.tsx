"use client";
// A link that prefetches its page once someone reaches for it (pointer over it, a touch, the
// keyboard's focus), not as soon as it is on screen. For the links on every page (the header) and
// beside heavy pages (the labelling workspace): each viewport prefetch is a request plus a
// React payload decoded on the main thread while the page is still starting, which a phone feels
// (decision 0053). Next.js's documented hover-prefetch pattern, with touch and focus added.
import Link from "next/link";
import { useState, type ComponentProps } from "react";

type Props = Omit<ComponentProps<typeof Link>, "prefetch">;

export function IntentLink({ onPointerEnter, onTouchStart, onFocus, ...props }: Props) {
  const [wanted, setWanted] = useState(false);
  return (
    <Link
      {...props}
      // null: Next.js's default prefetch, from the moment someone shows they may follow the link.
      prefetch={wanted ? null : false}
      onPointerEnter={(event) => {
        setWanted(true);
        onPointerEnter?.(event);
      }}
      onTouchStart={(event) => {
        setWanted(true);
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        setWanted(true);
        onFocus?.(event);
      }}
    />
  );
}
