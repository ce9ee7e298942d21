import { requireUser } from "@/lib/auth/guards";

// The guard runs here, above the segment's loading boundary, so an anonymous visitor gets a real
// redirect before any of the page is streamed. Each page still calls its own guard.
export default async function ClassesLayout({ children }: { children: React.ReactNode }) {
  await requireUser("/classes");
  return children;
}
