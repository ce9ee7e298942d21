import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import QRCode from "qrcode";
import { requireRole } from "@/lib/auth/guards";
import { formatJoinCode, joinPath } from "@/lib/teacher/join-code";
import { classForTeacher } from "../data";

export async function generateMetadata({ params }: PageProps<"/teacher/classes/[classId]/projector">): Promise<Metadata> {
  const { classId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/classes/${classId}/projector`);
  const classroom = await classForTeacher(teacher.id, classId);
  return { title: classroom ? `Join ${classroom.name}` : "Class not found" };
}

/** The join address on the host this page was asked for (what phones in the room will open). */
async function joinUrl(code: string): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? (/^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? "http" : "https");
  return `${proto}://${host}${joinPath(code)}`;
}

// For the classroom screen: the code in letters a back row can read, and a QR code of the join
// link. The QR code is SVG made on the server (the qrcode package): inline markup, no script, so
// the page's Content-Security-Policy stays as it is.
export default async function ProjectorPage({ params }: PageProps<"/teacher/classes/[classId]/projector">) {
  const { classId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/classes/${classId}/projector`);
  const classroom = await classForTeacher(teacher.id, classId);
  if (!classroom) notFound();
  const link = await joinUrl(classroom.joinCode);
  const svg = await QRCode.toString(link, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#1b1b1b", light: "#ffffff" } });

  return (
    <section aria-labelledby="projector-heading" className="space-y-6 text-center">
      <p className="text-left font-sans text-sm">
        <Link href={`/teacher/classes/${classId}`}>← Students and assignments</Link>
      </p>
      <h2 id="projector-heading" className="text-3xl font-semibold">
        Join {classroom.name}
      </h2>
      {classroom.archivedAt ? (
        <p className="font-sans text-[#8f1c13]">This class is archived: the code does not let anyone join until you bring it back.</p>
      ) : null}
      <div className="flex flex-col items-center gap-8 lg:flex-row lg:justify-center">
        <div className="space-y-3">
          <p className="text-xl text-muted">
            Sign in, open <strong>Join a class</strong> and type
          </p>
          <p data-testid="projector-code" className="whitespace-nowrap font-mono text-5xl font-bold tracking-[0.15em] sm:text-7xl lg:text-8xl">
            {formatJoinCode(classroom.joinCode)}
          </p>
          <p className="text-xl text-muted">or scan the code with a phone.</p>
        </div>
        <div
          role="img"
          aria-label={`QR code of the join link ${link}`}
          data-testid="join-qr"
          className="w-64 max-w-full rounded-lg border border-rule bg-white p-2 sm:w-80 [&>svg]:h-auto [&>svg]:w-full"
          // Markup from the qrcode package, built from our own URL: no user text reaches it unescaped.
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      </div>
      <p className="break-all font-sans text-lg">{link}</p>
    </section>
  );
}
