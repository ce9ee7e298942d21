"use client";
// The answer controls for each question type. Native inputs (radio, checkbox, select, buttons),
// so every type works with the keyboard and a screen reader.
import { useState } from "react";
import { LABELS } from "@/lib/content/labels";
import type { PublicQuestion } from "@/lib/quiz/public";
import type { QuestionResponse } from "@/lib/quiz/schema";

type Props = { question: PublicQuestion; disabled: boolean; onChange: (response: QuestionResponse | null) => void; initial?: QuestionResponse };

export function QuestionInput({ question, disabled, onChange, initial }: Props) {
  switch (question.type) {
    case "single":
      return (
        <Choices
          name={question.id}
          options={question.options}
          multiple={false}
          disabled={disabled}
          initial={initial?.type === "single" ? [initial.choice] : []}
          onChange={(ids) => onChange(ids[0] ? { type: "single", choice: ids[0] } : null)}
        />
      );
    case "multiple":
      return (
        <Choices
          name={question.id}
          options={question.options}
          multiple
          disabled={disabled}
          initial={initial?.type === "multiple" ? initial.choices : []}
          onChange={(ids) => onChange(ids.length ? { type: "multiple", choices: ids } : null)}
        />
      );
    case "true-false":
      return (
        <Choices
          name={question.id}
          options={[
            { id: "true", text: "True" },
            { id: "false", text: "False" },
          ]}
          multiple={false}
          disabled={disabled}
          initial={initial?.type === "true-false" ? [String(initial.value)] : []}
          onChange={(ids) => onChange(ids[0] ? { type: "true-false", value: ids[0] === "true" } : null)}
        />
      );
    case "classify":
      return (
        <Choices
          name={question.id}
          options={question.choices.map((label) => ({ id: label, text: LABELS[label].name }))}
          multiple={false}
          disabled={disabled}
          initial={initial?.type === "classify" ? [initial.label] : []}
          onChange={(ids) => onChange(ids[0] ? { type: "classify", label: ids[0] } : null)}
        />
      );
    case "order":
      return <OrderInput question={question} disabled={disabled} onChange={onChange} initial={initial?.type === "order" ? initial.order : undefined} />;
    case "match":
      return <MatchInput question={question} disabled={disabled} onChange={onChange} initial={initial?.type === "match" ? initial.pairs : undefined} />;
  }
}

function Choices({
  name,
  options,
  multiple,
  disabled,
  initial,
  onChange,
}: {
  name: string;
  options: { id: string; text: string }[];
  multiple: boolean;
  disabled: boolean;
  initial: string[];
  onChange: (ids: string[]) => void;
}) {
  const [selected, setSelected] = useState<string[]>(initial);
  const toggle = (id: string, checked: boolean) => {
    const next = multiple ? (checked ? [...selected, id] : selected.filter((s) => s !== id)) : [id];
    setSelected(next);
    onChange(next);
  };
  return (
    <ul className="space-y-2">
      {options.map((option) => (
        <li key={option.id}>
          <label className="flex cursor-pointer items-start gap-3 rounded-md border border-rule bg-white px-3 py-2.5 has-[:checked]:border-fact has-[:checked]:bg-[#eef4f9]">
            <input
              type={multiple ? "checkbox" : "radio"}
              name={name}
              value={option.id}
              checked={selected.includes(option.id)}
              disabled={disabled}
              onChange={(event) => toggle(option.id, event.target.checked)}
              className="mt-1 h-4 w-4 shrink-0"
            />
            <span>{option.text}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

function OrderInput({
  question,
  disabled,
  onChange,
  initial,
}: {
  question: Extract<PublicQuestion, { type: "order" }>;
  disabled: boolean;
  onChange: Props["onChange"];
  initial?: string[];
}) {
  const [order, setOrder] = useState<string[]>(initial ?? question.items.map((item) => item.id));
  const [announcement, setAnnouncement] = useState("");
  const text = (id: string) => question.items.find((item) => item.id === id)?.text ?? id;
  const move = (index: number, delta: number) => {
    const target = index + delta;
    if (target < 0 || target >= order.length) return;
    const next = [...order];
    const [moved] = next.splice(index, 1);
    if (moved === undefined) return;
    next.splice(target, 0, moved);
    setOrder(next);
    onChange({ type: "order", order: next });
    setAnnouncement(`${text(moved)} moved to position ${target + 1} of ${next.length}.`);
  };
  return (
    <div>
      <p className="mb-2 font-sans text-sm text-muted">Earliest at the top. Use the buttons to move an event up or down.</p>
      <ol className="space-y-2">
        {order.map((id, index) => (
          <li key={id} className="flex items-center gap-3 rounded-md border border-rule bg-white px-3 py-2">
            <span className="w-6 font-sans text-sm tabular-nums text-muted">{index + 1}.</span>
            <span className="flex-1">{text(id)}</span>
            <span className="flex gap-1">
              <button
                type="button"
                className="btn btn-secondary px-2 py-1"
                disabled={disabled || index === 0}
                onClick={() => move(index, -1)}
                aria-label={`Move “${text(id)}” up`}
              >
                ↑
              </button>
              <button
                type="button"
                className="btn btn-secondary px-2 py-1"
                disabled={disabled || index === order.length - 1}
                onClick={() => move(index, 1)}
                aria-label={`Move “${text(id)}” down`}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

function MatchInput({
  question,
  disabled,
  onChange,
  initial,
}: {
  question: Extract<PublicQuestion, { type: "match" }>;
  disabled: boolean;
  onChange: Props["onChange"];
  initial?: Record<string, string>;
}) {
  const [pairs, setPairs] = useState<Record<string, string>>(initial ?? {});
  const choose = (leftId: string, rightId: string) => {
    const next = { ...pairs };
    if (rightId) next[leftId] = rightId;
    else delete next[leftId];
    setPairs(next);
    onChange(Object.keys(next).length === question.left.length ? { type: "match", pairs: next } : null);
  };
  return (
    <ul className="space-y-3">
      {question.left.map((left) => (
        <li key={left.id} className="grid gap-1 rounded-md border border-rule bg-white px-3 py-2 sm:grid-cols-2 sm:items-center sm:gap-4">
          <label htmlFor={`match-${question.id}-${left.id}`}>{left.text}</label>
          <select
            id={`match-${question.id}-${left.id}`}
            className="field"
            value={pairs[left.id] ?? ""}
            disabled={disabled}
            onChange={(event) => choose(left.id, event.target.value)}
          >
            <option value="">Choose…</option>
            {question.right.map((right) => (
              <option key={right.id} value={right.id}>
                {right.text}
              </option>
            ))}
          </select>
        </li>
      ))}
    </ul>
  );
}

/** The response a question starts with: an order question's starting order is already an answer. */
export function initialResponse(question: PublicQuestion): QuestionResponse | null {
  return question.type === "order" ? { type: "order", order: question.items.map((item) => item.id) } : null;
}
