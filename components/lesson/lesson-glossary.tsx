// A lesson's key terms, built-in or imported: the term, its definition, and its source when it has one.
export type GlossaryEntry = { id: string; term: string; definition: string; note?: string; source?: { title: string; url: string; publisher: string } };

export function LessonGlossary({ terms }: { terms: readonly GlossaryEntry[] }) {
  if (terms.length === 0) return null;
  return (
    <section aria-labelledby="glossary-heading" className="space-y-3">
      <h2 id="glossary-heading" className="text-2xl font-semibold">
        Key terms
      </h2>
      <dl className="space-y-4">
        {terms.map((term) => (
          <div key={term.id} id={`term-${term.id}`} className="border-l-[3px] border-rule pl-4">
            <dt className="font-semibold">{term.term}</dt>
            <dd className="text-[1.02rem]">
              {term.definition}
              {term.note ? <span className="block text-sm text-muted">{term.note}</span> : null}
              {term.source ? (
                <span className="block font-sans text-sm text-muted">
                  Source:{" "}
                  <a href={term.source.url} rel="noopener noreferrer">
                    {term.source.title}
                  </a>{" "}
                  ({term.source.publisher})
                </span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
