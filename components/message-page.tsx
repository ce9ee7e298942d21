// The centred message of not-found, forbidden and error pages: a heading, a sentence, a way on.
import Link from "next/link";
import type { ReactNode } from "react";

export function MessagePage({ title, children, action }: { title: string; children: ReactNode; action?: { href: string; label: string } }) {
  return (
    <section className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-semibold">{title}</h1>
      <div className="mt-3 space-y-2 text-muted">{children}</div>
      {action ? (
        <p className="mt-6">
          <Link href={action.href} className="btn">
            {action.label}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
