// Self-hosted fonts (copied from the OFL-licensed Fontsource packages): no request leaves the site.
import localFont from "next/font/local";

export const serif = localFont({
  src: [
    { path: "./fonts/source-serif-4-latin-wght-normal.woff2", style: "normal", weight: "200 900" },
    { path: "./fonts/source-serif-4-latin-wght-italic.woff2", style: "italic", weight: "200 900" },
  ],
  variable: "--font-serif",
  display: "swap",
});

export const sans = localFont({
  src: [{ path: "./fonts/inter-latin-wght-normal.woff2", style: "normal", weight: "100 900" }],
  variable: "--font-sans",
  display: "swap",
});
