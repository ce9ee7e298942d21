// The mail outbox, for development: with no SMTP_URL, mail is written to a folder (lib/mail/send.ts)
// and listed here, newest first, so a reset link can be followed without a mail server. Only in
// development builds (app/dev/enabled.ts); a production build answers 404 for everyone.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Fragment } from "react";
import { DEV_PAGES_BUILT } from "@/app/dev/enabled";
import { readOutbox } from "@/lib/mail/send";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Mail outbox (development)", robots: { index: false, follow: false } };

/** The text with its links made clickable (reset links point back into the app). */
function WithLinks({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/);
  return parts.map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}

export default async function OutboxPage() {
  if (!DEV_PAGES_BUILT) notFound();
  await connection();
  const { smtpUrl, outboxDir } = env().mail;
  const messages = await readOutbox();
  return (
    <section className="mx-auto max-w-2xl space-y-6">
      <header>
        <h1 className="text-3xl font-semibold">Mail outbox</h1>
        <p className="mt-2 text-muted">
          {smtpUrl
            ? "SMTP_URL is set, so mail goes to that server; messages written to the outbox before are listed here."
            : `No SMTP_URL is set, so mail is written to ${outboxDir} instead of being sent. Development builds only.`}
        </p>
      </header>
      {messages.length === 0 ? (
        <p>No mail yet.</p>
      ) : (
        <ol className="space-y-4">
          {messages.map((message) => (
            <li key={message.id} className="rounded-lg border border-rule bg-white p-4">
              <h2 className="text-lg font-semibold">{message.subject}</h2>
              <p className="text-sm text-muted">
                To {message.to}, <time dateTime={message.sentAt}>{new Date(message.sentAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC</time>
              </p>
              <p className="mt-3 text-sm break-words whitespace-pre-wrap">
                <WithLinks text={message.text} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
