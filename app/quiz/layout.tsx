import { requireUser } from "@/lib/auth/guards";

// Guard above the loading boundary (see app/dashboard/layout.tsx); each page checks again.
export default async function QuizLayout({ children }: { children: React.ReactNode }) {
  await requireUser("/quiz");
  return children;
}
