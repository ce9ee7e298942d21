"use client";
import { useActionState, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { FormMessage } from "@/components/form-field";
import { QuestionPreview } from "@/components/quiz/question-preview";
import type { FlawContext } from "@/lib/quiz/item-flaws";
import { draftFlaws, draftPreview } from "@/lib/teacher/draft-flaws";
import type { QuestionFormValues } from "@/lib/teacher/question-form";
import { Choice, ChoiceGroup, SelectField, TextAreaField } from "@/components/form-bits";
import type { FormState } from "@/lib/actions/form-state";
import { createQuestionAction, updateQuestionAction } from "./actions";
import { SubmitButton } from "@/components/submit-button";

export type Pick = { id: string; label: string };
export type PickGroup = { group: string; options: Pick[] };

type Props = {
  questionId?: string;
  initial: QuestionFormValues;
  typeLabels: Record<string, string>;
  labelChoices: Pick[];
  phases: Pick[];
  events: Pick[];
  /** What the item-writing checks compare the draft with (tags, the bank's classify patterns). */
  flawContext: FlawContext;
  /** The built-in article: the teacher picks paragraphs from a list, and saves with ./actions. */
  paragraphs?: PickGroup[];
  /**
   * An imported article (app/teacher/articles/[articleId]/questions): its own save action and
   * hidden fields, and its sources (the chosen sentences) shown at the top of the form in place of
   * the paragraph list, with the paragraphs they derive for the checks and the preview.
   */
  article?: {
    action: (state: FormState, data: FormData) => Promise<FormState>;
    hidden: Record<string, string>;
    /** The chosen sources with the messages about them (the `sentenceIds` field). */
    sources: (errors: string[] | undefined) => ReactNode;
    paragraphIds: string[];
    phaseHint: string;
  };
};

/** The form as typed so far, in the shape formToQuestion reads (like readForm in ./actions). */
function typedValues(form: HTMLFormElement): QuestionFormValues {
  const data = new FormData(form);
  const one = (name: string) => {
    const value = data.get(name);
    return typeof value === "string" ? value : "";
  };
  const all = (name: string) => data.getAll(name).filter((v): v is string => typeof v === "string");
  return {
    type: one("type"),
    prompt: one("prompt"),
    explanation: one("explanation"),
    difficulty: one("difficulty"),
    paragraphIds: all("paragraphIds"),
    phaseIds: all("phaseIds"),
    eventIds: all("eventIds"),
    options: one("options"),
    trueFalse: one("trueFalse"),
    items: one("items"),
    pairs: one("pairs"),
    statement: one("statement"),
    label: one("label"),
  };
}

export function QuestionEditor({ questionId, initial, typeLabels, labelChoices, paragraphs, phases, events, flawContext, article }: Props) {
  const [state, action] = useActionState<FormState, FormData>(article?.action ?? (questionId ? updateQuestionAction : createQuestionAction), {});
  const values = { ...initial, ...(state.values as Partial<QuestionFormValues> | undefined) };
  const [type, setType] = useState(values.type);
  const errors = state.errors ?? {};
  const show = (...types: string[]) => types.includes(type);
  // Item-writing warnings follow the typing; they advise and never block saving.
  const [typed, setTyped] = useState(values);
  const sourceParagraphs = article?.paragraphIds;
  const draft = useMemo(() => (sourceParagraphs ? { ...typed, paragraphIds: sourceParagraphs } : typed), [typed, sourceParagraphs]);
  const flaws = useMemo(() => draftFlaws(draft, flawContext), [draft, flawContext]);
  const preview = useMemo(() => draftPreview(draft), [draft]);
  const retype = (event: FormEvent<HTMLFormElement>) => setTyped(typedValues(event.currentTarget));

  return (
    <form action={action} className="space-y-5" noValidate onInput={retype} onChange={retype}>
      <FormMessage message={state.message} />
      <FormMessage message={state.success} tone="success" />
      {questionId ? <input type="hidden" name="questionId" value={questionId} /> : null}
      {Object.entries(article?.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {article?.sources(errors.sentenceIds)}

      {questionId ? (
        <p>
          <span className="font-medium">Type:</span> {typeLabels[type] ?? type}
          <input type="hidden" name="type" value={type} />
        </p>
      ) : (
        <SelectField name="type" label="Type of question" value={type} onChange={(event) => setType(event.target.value)} errors={errors.type}>
          {Object.entries(typeLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      )}

      <TextAreaField
        name="prompt"
        label="Question"
        rows={2}
        maxLength={2000}
        required
        defaultValue={values.prompt}
        errors={errors.prompt}
        hint="If it rests on the author’s opinion or the imagined dialogue, say so (“In the author’s view…”, “In the imagined dialogue…”)."
      />

      <div hidden={!show("single", "multiple")}>
        <TextAreaField
          name="options"
          label="Options"
          rows={5}
          defaultValue={values.options}
          errors={errors.options}
          hint={type === "multiple" ? "One per line. Start every right option with *." : "One per line. Start the right option with *."}
        />
      </div>
      <div hidden={!show("true-false")}>
        <SelectField name="trueFalse" label="The statement is" defaultValue={values.trueFalse} errors={errors.trueFalse}>
          <option value="true">True</option>
          <option value="false">False</option>
        </SelectField>
      </div>
      <div hidden={!show("order")}>
        <TextAreaField
          name="items"
          label="Items, in the right order"
          rows={5}
          defaultValue={values.items}
          errors={errors.items}
          hint="One per line, earliest first. Students see them shuffled."
        />
      </div>
      <div hidden={!show("match")}>
        <TextAreaField
          name="pairs"
          label="Pairs"
          rows={5}
          defaultValue={values.pairs}
          errors={errors.pairs}
          hint="One pair per line: left item = right item. A line “= item” adds a right item that matches nothing."
        />
      </div>
      <div hidden={!show("classify")} className="space-y-4">
        <TextAreaField
          name="statement"
          label="Statement"
          rows={3}
          defaultValue={values.statement}
          errors={errors.statement}
          hint="The article’s exact words: a whole paragraph, or one sentence of it."
        />
        <SelectField name="label" label="The article labels it" defaultValue={values.label} errors={errors.label}>
          {labelChoices.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </SelectField>
      </div>

      <TextAreaField
        name="explanation"
        label="Explanation"
        rows={3}
        maxLength={2000}
        required
        defaultValue={values.explanation}
        errors={errors.explanation}
        hint="Shown after answering: why the right answer is right."
      />

      <SelectField name="difficulty" label="Difficulty" defaultValue={values.difficulty} errors={errors.difficulty}>
        <option value="1">1: recall</option>
        <option value="2">2: understanding</option>
        <option value="3">3: analysis</option>
      </SelectField>

      {paragraphs ? (
        <SelectField
          name="paragraphIds"
          label="Paragraphs it rests on"
          multiple
          size={10}
          defaultValue={values.paragraphIds}
          errors={errors.paragraphIds}
          hint="Choose one or more (Ctrl or ⌘ to pick several). Students are shown them after answering."
        >
          {paragraphs.map((group) => (
            <optgroup key={group.group} label={group.group}>
              {group.options.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
      ) : null}

      {phases.length > 0 ? (
        <ChoiceGroup
          name="phaseIds"
          legend="Phases"
          hint={article?.phaseHint ?? "The phases of US–Russian relations it is about (for the mastery reports)."}
          errors={errors.phaseIds}
        >
          {phases.map((p) => (
            <Choice key={p.id} name="phaseIds" value={p.id} label={p.label} defaultChecked={values.phaseIds.includes(p.id)} />
          ))}
        </ChoiceGroup>
      ) : null}

      {events.length > 0 ? (
        <SelectField
          name="eventIds"
          label="Key events (optional)"
          multiple
          size={6}
          defaultValue={values.eventIds}
          errors={errors.eventIds}
          hint="An event’s phase must be ticked above too."
        >
          {events.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </SelectField>
      ) : null}

      <QuestionPreview question={preview} />

      <div aria-live="polite">
        {flaws.length > 0 ? (
          <section aria-labelledby="question-checks" className="space-y-2 rounded-lg border border-rule bg-white p-4 font-sans text-sm">
            <h2 id="question-checks" className="font-medium">
              Check this question
            </h2>
            <p className="text-muted">Clues that could let a student answer without reading. You can still save it as it is.</p>
            <ul className="list-disc space-y-1 pl-5">
              {flaws.map((flaw, i) => (
                <li key={`${flaw.code}-${i}`} data-flaw={flaw.code}>
                  {flaw.message}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>

      {errors.form ? <p className="field-error">{errors.form.join(" ")}</p> : null}
      <SubmitButton className="btn" pendingLabel="Saving…">
        {questionId ? "Save changes" : "Save question"}
      </SubmitButton>
    </form>
  );
}
