import { requireUser } from "@/lib/auth/guards";

// The guard runs here, above the segment's loading boundary, so an anonymous visitor gets a real
// redirect before any of the page is streamed. The page still calls its own guard.
export default async function Layout({ children }: { children: React.ReactNode }) {
  await requireUser("/dashboard");
  return children;
}
