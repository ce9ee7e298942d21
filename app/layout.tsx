import type { Metadata, Viewport } from "next";
import { IntentLink } from "@/components/intent-link";
import { serif, serifItalic } from "./fonts";
import { AccountNav } from "./account-nav";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Backchannel — lessons on post-Cold War diplomacy", template: "%s · Backchannel" },
  description:
    "Read Marwan Bishara's “Fatal attraction IV” closely: every statement traced to its paragraph, fact told apart from opinion, with quizzes on four phases of US–Russian relations.",
  applicationName: "Backchannel",
};

export const viewport: Viewport = { themeColor: "#fbfaf7", width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${serif.variable} ${serifItalic.variable}`}>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <Providers>
          <header role="banner" className="border-b border-rule bg-white/70">
            <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
              <IntentLink href="/" className="font-serif text-xl font-semibold text-ink no-underline">
                Backchannel
              </IntentLink>
              {/* min-h: as tall as the Sign up button, so the header keeps its height when the account links arrive. */}
              <nav aria-label="Main" className="flex min-h-9 flex-wrap items-center gap-x-5 gap-y-1 text-[0.95rem]">
                <IntentLink href="/lessons" className="text-ink no-underline hover:underline">
                  Lessons
                </IntentLink>
                <IntentLink href="/timeline" className="text-ink no-underline hover:underline">
                  Timeline
                </IntentLink>
                <AccountNav />
              </nav>
            </div>
          </header>
          <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
            {children}
          </main>
        </Providers>
        <footer role="contentinfo" className="border-t border-rule text-sm text-muted">
          <div className="mx-auto max-w-5xl space-y-1 px-4 py-6">
            <p>
              The built-in article: Marwan Bishara, “John Kerry and Sergey Lavrov: Fatal attraction IV”, <cite>Al Jazeera</cite>, 2016. Teachers’ own articles
              name their source on their pages.
            </p>
            <p>Quoted text is used for teaching. Backchannel is not affiliated with the authors or their publishers.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
