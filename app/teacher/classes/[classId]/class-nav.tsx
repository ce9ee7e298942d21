"use client";
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";

// The class pages have no loading.tsx: they render in one piece (the largest paint is the first
// one; decision 0014). While another tab's page is on its way, the clicked tab says so itself.
function PendingHint() {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span role="status" className="absolute inset-x-0 -bottom-px h-0.5 animate-pulse bg-accent">
      <span className="sr-only">Loading</span>
    </span>
  );
}

export function ClassNav({ classId }: { classId: string }) {
  const pathname = usePathname();
  const base = `/teacher/classes/${classId}`;
  const links = [
    { href: base, label: "Students and assignments" },
    { href: `${base}/reports`, label: "Gradebook" },
    { href: `${base}/reports/questions`, label: "Question analysis" },
  ];
  return (
    <nav aria-label="Class" className="flex flex-wrap gap-2 border-b border-rule font-sans text-sm">
      {links.map((link) => {
        const current = pathname === link.href;
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={`relative -mb-px border-b-2 px-3 py-2 no-underline ${current ? "border-accent font-semibold text-ink" : "border-transparent text-muted hover:text-ink"}`}
          >
            {link.label}
            <PendingHint />
          </Link>
        );
      })}
    </nav>
  );
}
