import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/guards";
import { findDeepLinkRequest } from "@/lib/lti/deep-link-flow";
import { pickableResources } from "@/lib/lti/resources";

export const metadata: Metadata = { title: "Add to your course" };

// A teacher's "Select content" from the course (LTI Deep Linking 2.0, decision 0051): each choice
// is a plain form posted to /api/lti/deep-link, which answers with the signed response for the platform.
export default async function DeepLinkPickerPage({ params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  const teacher = await requireRole("TEACHER", `/lti/deep-link/${requestId}`);
  const request = await findDeepLinkRequest(requestId, teacher.id);
  if (!request) notFound();
  const items = pickableResources();
  const groups = [
    { kind: "lesson", heading: "Lessons", hint: "To read, with its notes and glossary." },
    { kind: "quiz", heading: "Quizzes", hint: "Scores go to the course's gradebook." },
  ] as const;
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-muted">Adding to a course in {request.platformName}</p>
        <h1 className="text-3xl font-semibold">Choose what to add</h1>
        <p className="text-muted">Pick one lesson or quiz; it appears in your course as a link that opens it in Backchannel.</p>
      </header>
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`${group.kind}-heading`} className="space-y-3">
          <h2 id={`${group.kind}-heading`} className="text-2xl font-semibold">
            {group.heading}
          </h2>
          <p className="text-sm text-muted">{group.hint}</p>
          <ul className="divide-y divide-rule rounded-lg border border-rule bg-white">
            {items
              .filter((item) => item.kind === group.kind)
              .map((item) => (
                <li key={item.key} className="flex flex-wrap items-center justify-between gap-3 p-3">
                  <span>{item.title}</span>
                  <form method="post" action="/api/lti/deep-link">
                    <input type="hidden" name="requestId" value={request.id} />
                    <input type="hidden" name="resource" value={item.key} />
                    <button type="submit" className="btn btn-secondary px-3 py-1.5 text-sm" aria-label={`Add ${item.title}`}>
                      Add
                    </button>
                  </form>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
