import { requireRole } from "@/lib/auth/guards";

// The guard runs here, above the segment's loading boundary, so a refusal is a real 403 (or a
// redirect) before any of the page is streamed. Each page still calls its own guard.
export default async function TeacherLayout({ children }: { children: React.ReactNode }) {
  await requireRole("TEACHER", "/teacher");
  return children;
}
