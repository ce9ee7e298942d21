import Link from "next/link";
import { NOT_FOUND_MESSAGES } from "@/lib/teacher/errors";

// For a question's layout that finds no question of this teacher's: the same page whether it does
// not exist, is built in, or belongs to someone else.
export default function QuestionNotFound() {
  return (
    <section className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-semibold">Question not found</h1>
      <p className="mt-3 text-muted">{NOT_FOUND_MESSAGES.question}</p>
      <p className="mt-6">
        <Link href="/teacher/questions" className="btn">See your questions</Link>
      </p>
    </section>
  );
}
