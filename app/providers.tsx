"use client";
// Pages stay static (prerendered); who is signed in is asked for from the browser,
// so no page has to read the session on the server just to draw the header.
import { SessionProvider } from "next-auth/react";

export function Providers({ children }: { children: React.ReactNode }) {
  return <SessionProvider refetchOnWindowFocus={false}>{children}</SessionProvider>;
}
