// Self-hosted fonts (copied from the OFL-licensed Fontsource packages): no request leaves the site.
import localFont from "next/font/local";

export const serif = localFont({
  src: [{ path: "./fonts/source-serif-4-latin-wght-normal.woff2", style: "normal", weight: "200 900" }],
  variable: "--font-serif",
  display: "swap",
});

// Its own family, not preloaded: only imagined dialogue and quoted statements in quizzes are set in
// serif italic, so other pages should not spend 50 KB of their first bytes on it.
export const serifItalic = localFont({
  src: [{ path: "./fonts/source-serif-4-latin-wght-italic.woff2", style: "italic", weight: "200 900" }],
  variable: "--font-serif-italic",
  display: "swap",
  preload: false,
});

// No web font for the interface: the system's own sans-serif (globals.css) is what people read
// their phones in, and it saves every page a 48 KB download before its largest paint
// (docs/decisions/0014-lighthouse-and-screenshots.md). The reading text keeps its serif.
