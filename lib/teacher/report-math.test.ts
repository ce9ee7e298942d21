import { describe, expect, it } from "vitest";
import { getQuestion, getQuestionBank } from "@/lib/quiz/bank";
import type { GradedAnswer } from "@/lib/quiz/mastery";
import type { Question } from "@/lib/quiz/schema";
import {
  analyseItems,
  bestScore,
  buildArticleHeatmap,
  buildGradebook,
  buildMasteryHeatmap,
  discriminationIndex,
  formatPercent,
  gradebookCsvRows,
  moodleGradebookRows,
  canvasGradebookRows,
  splitName,
  wrongChoices,
  type AnswerFacts,
  type AssignmentFacts,
  type AttemptFacts,
  type RosterStudent,
} from "./report-math";

const t = (iso: string) => new Date(iso);
const now = t("2026-03-09T12:00:00Z");

const students: RosterStudent[] = [
  { id: "s-leo", name: "Leo Novak", email: "leo@example.test" },
  { id: "s-amira", name: "Amira Haddad", email: "amira@example.test" },
  { id: "s-zoe", name: "zoë Brandt", email: "zoe@example.test" },
];

const assignments: AssignmentFacts[] = [
  // Due later, listed second.
  {
    id: "a-phase",
    title: "Phase 1",
    opensAt: t("2026-03-01T09:00:00Z"),
    dueAt: t("2026-03-20T17:00:00Z"),
    maxAttempts: 1,
    targetIds: ["s-amira"],
    overrides: [],
    reveal: "NEVER",
    lateWorkCounts: true,
    afterRevealCounts: false,
  },
  {
    id: "a-lesson",
    title: "Potato diplomacy",
    opensAt: t("2026-03-01T09:00:00Z"),
    dueAt: t("2026-03-08T17:00:00Z"),
    maxAttempts: 2,
    targetIds: [],
    overrides: [{ userId: "s-zoe", dueAt: t("2026-03-12T17:00:00Z"), extraAttempts: 1 }],
    reveal: "IMMEDIATELY",
    lateWorkCounts: true,
    afterRevealCounts: false,
  },
];

const attempts: AttemptFacts[] = [
  { userId: "s-amira", assignmentId: "a-lesson", startedAt: t("2026-03-02T10:00:00Z"), finishedAt: t("2026-03-02T10:15:00Z"), score: 0.6 },
  { userId: "s-amira", assignmentId: "a-lesson", startedAt: t("2026-03-03T10:00:00Z"), finishedAt: t("2026-03-03T10:15:00Z"), score: 0.9 },
  { userId: "s-leo", assignmentId: "a-lesson", startedAt: t("2026-03-09T10:00:00Z"), finishedAt: t("2026-03-09T10:20:00Z"), score: 0.5 },
  { userId: "s-zoe", assignmentId: "a-lesson", startedAt: t("2026-03-09T11:00:00Z"), finishedAt: null, score: null },
  { userId: "s-amira", assignmentId: "a-phase", startedAt: t("2026-03-09T11:00:00Z"), finishedAt: null, score: null },
];

describe("gradebook", () => {
  const gradebook = buildGradebook({ students, assignments, attempts, now });

  it("sorts students by name (ignoring case) and assignments by due date", () => {
    expect(gradebook.rows.map((r) => r.student.name)).toEqual(["Amira Haddad", "Leo Novak", "zoë Brandt"]);
    expect(gradebook.columns.map((c) => c.id)).toEqual(["a-lesson", "a-phase"]);
  });

  it("gives each student the best finished score and the status by the status rule", () => {
    const [amira, leo, zoe] = gradebook.rows;
    expect(amira?.cells[0]).toMatchObject({ assigned: true, status: "done", bestScore: 0.9, attemptsUsed: 2, attemptsAllowed: 2, extended: false });
    expect(leo?.cells[0]).toMatchObject({
      assigned: true,
      status: "late",
      bestScore: 0.5,
      notCountedScore: null,
      late: true,
      anyNotCounted: false,
      attemptsUsed: 1,
    });
    expect(amira?.cells[0]).toMatchObject({ late: false, anyNotCounted: false, notCountedScore: null });
    // Zoë's extension runs to the 12th and she has started: in progress, one extra attempt.
    expect(zoe?.cells[0]).toMatchObject({ assigned: true, status: "in-progress", bestScore: null, attemptsAllowed: 3, extended: true });
    expect(zoe?.cells[0]?.assigned && zoe.cells[0].dueAt.toISOString()).toBe("2026-03-12T17:00:00.000Z");
  });

  it("marks assignments set for other students as not assigned", () => {
    const [amira, leo, zoe] = gradebook.rows;
    expect(amira?.cells[1]).toMatchObject({ assigned: true, status: "in-progress" });
    expect(leo?.cells[1]).toEqual({ assigned: false });
    expect(zoe?.cells[1]).toEqual({ assigned: false });
  });

  it("summarises each assignment", () => {
    expect(gradebook.columns[0]).toMatchObject({ assigned: 3, submitted: 2, averageScore: 0.7 });
    expect(gradebook.columns[1]).toMatchObject({ assigned: 1, submitted: 0, averageScore: null });
  });

  it("is empty but well-formed for a class with nobody in it", () => {
    expect(buildGradebook({ students: [], assignments, attempts: [], now })).toMatchObject({
      rows: [],
      columns: [{ assigned: 0, submitted: 0, averageScore: null }, { assigned: 0 }],
    });
  });

  it("turns into CSV rows: score and status per assignment as before, then late, counted and the best score not counted", () => {
    expect(gradebookCsvRows(gradebook)).toEqual([
      [
        "Student",
        "Email",
        "Potato diplomacy: best score (%)",
        "Potato diplomacy: status",
        "Phase 1: best score (%)",
        "Phase 1: status",
        "Potato diplomacy: late",
        "Potato diplomacy: counted",
        "Potato diplomacy: best not counted (%)",
        "Phase 1: late",
        "Phase 1: counted",
        "Phase 1: best not counted (%)",
      ],
      ["Amira Haddad", "amira@example.test", "90", "Done", "", "In progress", "no", "yes", "", "no", "yes", ""],
      ["Leo Novak", "leo@example.test", "50", "Done late", "", "Not assigned", "yes", "yes", "", "", "", ""],
      ["zoë Brandt", "zoe@example.test", "", "In progress", "", "Not assigned", "no", "yes", "", "", "", ""],
    ]);
  });

  it("lays the grades out as Moodle's CSV grade import reads them: names, the email to map from, a column per assignment", () => {
    expect(moodleGradebookRows(gradebook)).toEqual([
      ["First name", "Last name", "Email address", "Potato diplomacy", "Phase 1"],
      ["Amira", "Haddad", "amira@example.test", "90", ""],
      ["Leo", "Novak", "leo@example.test", "50", ""],
      ["zoë", "Brandt", "zoe@example.test", "", ""],
    ]);
  });

  it("lays the grades out as Canvas's gradebook import reads them: its five columns, points possible, a column per assignment", () => {
    expect(canvasGradebookRows(gradebook)).toEqual([
      ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Potato diplomacy", "Phase 1"],
      ["Points Possible", "", "", "", "", "100", "100"],
      ["Haddad, Amira", "", "", "amira@example.test", "", "90", ""],
      ["Novak, Leo", "", "", "leo@example.test", "", "50", ""],
      ["Brandt, zoë", "", "", "zoe@example.test", "", "", ""],
    ]);
    expect(splitName("Cher")).toEqual({ first: "Cher", last: "" });
    expect(splitName("  Mary Ann  Lee ")).toEqual({ first: "Mary Ann", last: "Lee" });
  });

  it("counts only the attempts the assignment's choices count (decision 0036), and keeps the others apart", () => {
    const strict = assignments.map((a) => (a.id === "a-lesson" ? { ...a, lateWorkCounts: false } : a));
    const [, leo] = buildGradebook({ students, assignments: strict, attempts, now }).rows;
    expect(leo?.cells[0]).toMatchObject({ status: "not-counted", bestScore: null, notCountedScore: 0.5, late: true, anyNotCounted: true });
    expect(gradebookCsvRows(buildGradebook({ students, assignments: strict, attempts, now }))[2]).toEqual([
      "Leo Novak",
      "leo@example.test",
      "",
      "Late, not counted",
      "",
      "Not assigned",
      "yes",
      "no",
      "50",
      "",
      "",
      "",
    ]);
  });

  it("F3: after due, a retake after the deadline scoring 100 % leaves the grade at the on-time score", () => {
    const afterDue = assignments.map((a) => (a.id === "a-lesson" ? { ...a, reveal: "AFTER_DUE" as const } : a));
    const retake = { userId: "s-amira", assignmentId: "a-lesson", startedAt: t("2026-03-09T09:00:00Z"), finishedAt: t("2026-03-09T09:10:00Z"), score: 1 };
    const [amira] = buildGradebook({ students, assignments: afterDue, attempts: [...attempts, retake], now }).rows;
    expect(amira?.cells[0]).toMatchObject({ status: "done", bestScore: 0.9, notCountedScore: 1, late: true, anyNotCounted: true });
    const counting = afterDue.map((a) => (a.id === "a-lesson" ? { ...a, afterRevealCounts: true } : a));
    expect(buildGradebook({ students, assignments: counting, attempts: [...attempts, retake], now }).rows[0]?.cells[0]).toMatchObject({
      bestScore: 1,
      notCountedScore: null,
    });
  });

  it("takes the best score of finished attempts only", () => {
    expect(bestScore([])).toBeNull();
    expect(bestScore([{ finishedAt: null, score: 1 }])).toBeNull();
    expect(bestScore([{ finishedAt: now, score: 0 }])).toBe(0);
    expect(formatPercent(0.875)).toBe("88%");
    expect(formatPercent(null)).toBe("—");
  });
});

describe("mastery heatmap", () => {
  const phases = [
    { id: "phase-b", title: "B", position: 2 },
    { id: "phase-a", title: "A", position: 1 },
  ];
  const answer = (questionId: string, score: number, phaseId: string, difficulty: 1 | 2 | 3 = 1): GradedAnswer => ({
    questionId,
    score,
    phaseIds: [phaseId],
    eventIds: [],
    difficulty,
    answeredAt: t("2026-03-02T10:00:00Z"),
  });

  it("gives every student a level per phase, in phase order, with the level's label", () => {
    const heatmap = buildMasteryHeatmap({
      students,
      answersByStudent: new Map([["s-amira", [answer("q1", 1, "phase-a"), answer("q2", 1, "phase-a"), answer("q3", 0, "phase-b")]]]),
      phases,
      bank: [],
    });
    expect(heatmap.phases.map((p) => p.id)).toEqual(["phase-a", "phase-b"]);
    const amira = heatmap.rows[0];
    expect(amira?.student.id).toBe("s-amira");
    expect(amira?.cells).toEqual([
      { phaseId: "phase-a", level: "familiar", label: "Familiar", answered: 2, correct: 2 },
      { phaseId: "phase-b", level: "attempted", label: "Attempted", answered: 1, correct: 0 },
    ]);
    expect(heatmap.rows[1]?.cells.every((c) => c.level === "not-started" && c.label === "Not started")).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

const single: Question = {
  id: "q-single",
  type: "single",
  difficulty: 1,
  prompt: "Which year?",
  explanation: "Because.",
  options: [
    { id: "a", text: "1999" },
    { id: "b", text: "2001" },
    { id: "c", text: "2003" },
  ],
  answer: "b",
  wrongExplanations: {},
  paragraphIds: ["eye-p03"],
  phaseIds: [],
  eventIds: [],
  contextNoteIds: [],
};

let clock = 0;
function answerFacts(userId: string, questionId: string, correct: boolean, response: unknown = null): AnswerFacts {
  clock += 1;
  return { userId, questionId, correct, score: correct ? 1 : 0, response, answeredAt: new Date(Date.UTC(2026, 2, 2, 10, 0, clock)) };
}

describe("item analysis", () => {
  it("counts how often each wrong option was chosen, most chosen first", () => {
    const choose = (choice: string) => ({ response: { type: "single", choice } });
    expect(wrongChoices(single, [choose("a"), choose("c"), choose("c"), choose("b"), { response: "garbage" }])).toEqual([
      { id: "c", text: "2003", count: 2 },
      { id: "a", text: "1999", count: 1 },
    ]);
  });

  it("counts wrong picks of a multiple-select question, each option once per answer", () => {
    const multiple: Question = { ...single, type: "multiple", answer: ["a", "b"], options: [...single.options, { id: "d", text: "2008" }] };
    const picks = (...choices: string[]) => ({ response: { type: "multiple", choices } });
    expect(wrongChoices(multiple, [picks("a", "c", "c"), picks("c", "d"), picks("a", "b")])).toEqual([
      { id: "c", text: "2003", count: 2 },
      { id: "d", text: "2008", count: 1 },
    ]);
  });

  it("names wrong true/false values and wrong labels", () => {
    const trueFalse = getQuestion("q-tf-article-names-bush");
    const classify = getQuestion("q-cl-sochi-baskets");
    if (trueFalse?.type !== "true-false" || classify?.type !== "classify") throw new Error("bank changed");
    expect(wrongChoices(trueFalse, [{ response: { type: "true-false", value: !trueFalse.answer } }])).toEqual([
      { id: String(!trueFalse.answer), text: trueFalse.answer ? "False" : "True", count: 1 },
    ]);
    const wrongLabel = classify.answer === "opinion" ? "reported-fact" : "opinion";
    expect(wrongChoices(classify, [{ response: { type: "classify", label: wrongLabel } }])).toEqual([
      { id: wrongLabel, text: wrongLabel === "opinion" ? "Author’s opinion" : "Reported fact", count: 1 },
    ]);
  });

  it("computes the share correct over every answer, hardest questions first", () => {
    const answers = [
      answerFacts("s1", "q-single", true),
      answerFacts("s2", "q-single", false, { type: "single", choice: "a" }),
      answerFacts("s1", "q-other", true),
      answerFacts("s2", "q-other", true),
    ];
    const stats = analyseItems(answers, new Map([["q-single", single]]));
    expect(stats.map((s) => [s.questionId, s.correctShare, s.answers])).toEqual([
      ["q-single", 0.5, 2],
      ["q-other", 1, 2],
    ]);
    expect(stats[0]?.wrongChoices).toEqual([{ id: "a", text: "1999", count: 1 }]);
    // A question no longer in the bank still gets counted, under its id.
    expect(stats[1]).toMatchObject({ prompt: "q-other", statement: null, type: "unknown", wrongChoices: [] });
    const classify = getQuestion("q-cl-sochi-baskets");
    if (classify?.type !== "classify") throw new Error("bank changed");
    expect(analyseItems([answerFacts("s1", classify.id, true)], new Map([[classify.id, classify]]))[0]?.statement).toBe(classify.statement);
  });

  it("has a discrimination index of +1 when only the strongest students get a question right", () => {
    // Ten students; s0 strongest. Each answers four "anchor" questions (their total) and the item.
    const answers: AnswerFacts[] = [];
    for (let i = 0; i < 10; i++) {
      const id = `s${i}`;
      for (let k = 0; k < 4; k++) answers.push(answerFacts(id, `anchor-${k}`, k < 4 - Math.floor(i / 3)));
      // The item: right for the top three only.
      answers.push(answerFacts(id, "q-single", i < 3, { type: "single", choice: i < 3 ? "b" : "c" }));
    }
    const item = analyseItems(answers, new Map([["q-single", single]])).find((s) => s.questionId === "q-single");
    expect(item).toMatchObject({ students: 10, correctShare: 0.3, discrimination: 1 });
  });

  it("has a negative index when weaker students do better, and zero when everyone is right", () => {
    const ranked = (correct: (i: number) => boolean) =>
      discriminationIndex(Array.from({ length: 11 }, (_, i) => ({ userId: `s${String(i).padStart(2, "0")}`, total: 1 - i / 10, correct: correct(i) })));
    // 27 % of 11 is 2.97: groups of 3.
    expect(ranked((i) => i >= 8)).toBe(-1);
    expect(ranked(() => true)).toBe(0);
    expect(ranked((i) => i === 0 || i === 10)).toBeCloseTo(0);
    expect(ranked((i) => i < 2)).toBeCloseTo(2 / 3);
  });

  it("is not computed for fewer than four students", () => {
    expect(
      discriminationIndex([
        { userId: "a", total: 1, correct: true },
        { userId: "b", total: 0, correct: false },
        { userId: "c", total: 0, correct: false },
      ]),
    ).toBeNull();
    expect(discriminationIndex(Array.from({ length: 4 }, (_, i) => ({ userId: `s${i}`, total: 1 - i / 4, correct: i === 0 })))).toBe(1);
  });

  it("ranks by the latest answer of each student to each question", () => {
    // s0 got the item wrong first, then right: only the latest counts for discrimination.
    const answers: AnswerFacts[] = [];
    for (let i = 0; i < 4; i++) answers.push(answerFacts(`s${i}`, "anchor", i === 0));
    answers.push(answerFacts("s0", "q-single", false));
    for (let i = 0; i < 4; i++) answers.push(answerFacts(`s${i}`, "q-single", i === 0));
    const item = analyseItems(answers, new Map([["q-single", single]])).find((s) => s.questionId === "q-single");
    expect(item).toMatchObject({ answers: 5, students: 4, discrimination: 1 });
  });
});

describe("article heatmap", () => {
  it("counts wrong answers per cited paragraph, in article order", () => {
    const paragraphsOf = new Map<string, readonly string[]>([
      ["q1", ["p2", "p1"]],
      ["q2", ["p2"]],
      ["q3", ["p9"]],
    ]);
    const heatmap = buildArticleHeatmap(
      [
        { questionId: "q1", correct: false },
        { questionId: "q1", correct: true },
        { questionId: "q2", correct: false },
        { questionId: "q3", correct: true },
        { questionId: "unknown", correct: false },
      ],
      paragraphsOf,
      ["p1", "p2", "p3", "p9"],
    );
    expect(heatmap).toEqual([
      { paragraphId: "p1", wrong: 1, answered: 2 },
      { paragraphId: "p2", wrong: 2, answered: 3 },
      { paragraphId: "p9", wrong: 0, answered: 1 },
    ]);
  });

  it("works with the real bank's paragraph ids", () => {
    const q = getQuestionBank()[0];
    if (!q) throw new Error("empty bank");
    const heatmap = buildArticleHeatmap([{ questionId: q.id, correct: false }], new Map([[q.id, q.paragraphIds]]), q.paragraphIds);
    expect(heatmap.map((p) => p.paragraphId)).toEqual([...q.paragraphIds]);
  });
});
