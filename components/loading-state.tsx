// As a route's loading.tsx, the placeholder fills the window: the footer then starts below the
// fold and is not pushed down when the page streams in (a layout shift Lighthouse counted on the
// slower pages, e.g. the gradebook). Inside a page's own Suspense boundary it stays small.
export default function Loading({ inline = false }: { inline?: boolean }) {
  return (
    <div role="status" aria-live="polite" className={`py-16 text-center text-muted ${inline ? "" : "min-h-dvh"}`}>
      Loading…
    </div>
  );
}
