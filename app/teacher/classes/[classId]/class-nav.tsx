"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

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
            className={`-mb-px border-b-2 px-3 py-2 no-underline ${current ? "border-accent font-semibold text-ink" : "border-transparent text-muted hover:text-ink"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
