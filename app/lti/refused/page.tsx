import type { Metadata } from "next";
import { REFUSAL_TEXT, refusalOf } from "@/lib/lti/refusals";

export const metadata: Metadata = { title: "Launch refused" };

// Where a refused LTI login or launch lands (decision 0051): why, in words, by the reason's code only.
export default async function LtiRefusedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { title, body } = REFUSAL_TEXT[refusalOf((await searchParams).code)];
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <p className="text-sm text-muted">Opening Backchannel from your course</p>
      <h1 className="text-3xl font-semibold">{title}</h1>
      <p>{body}</p>
    </div>
  );
}
