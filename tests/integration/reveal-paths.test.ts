// The reveal rule (decision 0032) on every path, as a table: rows are the paths a student can take
// to a question's key, explanations or marks; columns are the states of an assignment's reveal
// policy. For each cell the path's whole result is serialized and searched: a held question's
// explanation, its wrong-option explanation, its authored option ids and its marks appear nowhere,
// and where the answers are released they do appear. Each column is played through as set, after
// the assignment is deleted, and after the teacher edits its policy to NEVER and to IMMEDIATELY.
// Real SQLite, the domain functions the pages, actions and API routes call.
import { describe, expect, it } from "vitest";
import { deleteAccount, exportAccountData } from "@/lib/auth/accounts";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { RevealPolicy } from "@/lib/enums";
import { finishedQuizzes } from "@/lib/progress/learner";
import { answerQuestion, finishAttempt, getAttemptView, startAttemptView, startRetryOfMissed, type AttemptView } from "@/lib/quiz/attempts";
import { getQuestionsForLesson } from "@/lib/quiz/bank";
import { dueQuestionIds, reviewQueueSize } from "@/lib/quiz/review";
import { QuestionSchema, type Question } from "@/lib/quiz/schema";
import { createAssignment, deleteAssignment, grantExtension, startAssignmentAttempt, studentAssignments, updateAssignment } from "@/lib/teacher/assignments";
import { classWithStudents, inDays, lessonAssignment, unique } from "../support/classroom";
import { sentIn } from "../support/sent";
import { wrongResponse } from "../../tooling/answers";

const LESSON = "potato-diplomacy";
const HOUR = 60 * 60 * 1000;
const pool = getQuestionsForLesson(LESSON);
const phaseId = pool[0]?.phaseIds[0] ?? "";

/** The columns: how the assignment is set, and whether its answers are held from the student now. */
type Column = { name: string; reveal: RevealPolicy; duePast: boolean; extension: boolean; held: boolean };
const COLUMNS: Column[] = [
  { name: "never", reveal: "NEVER", duePast: false, extension: false, held: true },
  { name: "after due, before the due date", reveal: "AFTER_DUE", duePast: false, extension: false, held: true },
  { name: "after due, after the due date", reveal: "AFTER_DUE", duePast: true, extension: false, held: false },
  { name: "after due, past the class's date but inside the student's extension", reveal: "AFTER_DUE", duePast: true, extension: true, held: true },
  { name: "immediately", reveal: "IMMEDIATELY", duePast: false, extension: false, held: false },
];

function teacherQuestion(marker: string): Question {
  return QuestionSchema.parse({
    id: `qr-${marker}`,
    type: "single",
    difficulty: 2,
    prompt: "Where did the two ministers first meet?",
    options: [
      { id: `zk${marker}key`, text: "Slovenia" },
      { id: `zk${marker}wrong`, text: "Moscow" },
      { id: `zk${marker}other`, text: "Crawford" },
    ],
    answer: `zk${marker}key`,
    explanation: `EXPLAINED-${marker}`,
    wrongExplanations: { [`zk${marker}wrong`]: `WRONGLY-${marker}` },
    paragraphIds: ["eye-p03"],
    phaseIds: ["phase-rapport"],
    eventIds: [],
    contextNoteIds: [],
  });
}

/** One student's world: practice before the assignment, then two attempts at it (one finished, one open). */
async function world(column: Column) {
  const { teacher, classId, students } = await classWithStudents(["Amira"]);
  const student = students[0]!;
  const marker = unique("m").replace(/[^a-z0-9]/gi, "");
  const own = teacherQuestion(marker);
  await db.question.create({
    data: {
      id: own.id,
      source: "TEACHER",
      ownerId: teacher.id,
      type: own.type,
      difficulty: own.difficulty,
      prompt: own.prompt,
      body: own,
      paragraphIds: own.paragraphIds,
    },
  });
  const byId = new Map<string, Question>([...pool.map((q) => [q.id, q] as const), [own.id, own]]);
  const threeDaysAgo = new Date(Date.now() - 72 * HOUR);
  const answerWrong = async (attemptId: string, ids: string[], at: Date) => {
    for (const id of ids) await answerQuestion(student.id, attemptId, id, sentIn(attemptId, byId.get(id)!, wrongResponse(byId.get(id)!)), at);
  };

  // Practice before the assignment was set: a finished lesson quiz, and an open phase quiz.
  const lessonIds = pool.slice(0, 3).map((q) => q.id);
  const p1 = await db.attempt.create({ data: { userId: student.id, kind: "LESSON", scopeId: LESSON, questionIds: lessonIds, startedAt: threeDaysAgo } });
  await answerWrong(p1.id, lessonIds, threeDaysAgo);
  await finishAttempt(student.id, p1.id, threeDaysAgo);
  const p2 = await db.attempt.create({ data: { userId: student.id, kind: "PHASE", scopeId: phaseId, questionIds: lessonIds, startedAt: threeDaysAgo } });
  await answerWrong(p2.id, lessonIds.slice(0, 2), threeDaysAgo);

  const { id: assignmentId } = await createAssignment(
    teacher.id,
    classId,
    lessonAssignment({ opensAt: inDays(-5), reveal: column.reveal, maxAttempts: 2, questionIds: [own.id, ...pool.map((q) => q.id)] }),
  );
  const a1 = await startAssignmentAttempt(student.id, assignmentId, threeDaysAgo);
  await answerWrong(a1.attemptId, [own.id, ...pool.map((q) => q.id)], threeDaysAgo);
  await finishAttempt(student.id, a1.attemptId, threeDaysAgo);
  const a2 = await startAssignmentAttempt(student.id, assignmentId, threeDaysAgo);
  await answerWrong(
    a2.attemptId,
    pool.map((q) => q.id),
    threeDaysAgo,
  );

  // The column's state: a due date passed, and the student's own later date.
  if (column.duePast) await db.assignment.update({ where: { id: assignmentId }, data: { dueAt: new Date(Date.now() - HOUR) } });
  if (column.extension) await grantExtension(teacher.id, assignmentId, student.id, { dueAt: inDays(7), extraAttempts: 0 });
  return { teacher, student, own, assignmentId, a1: a1.attemptId, a2: a2.attemptId, p1: p1.id, p2: p2.id, lessonIds, byId, deleted: false };
}
type World = Awaited<ReturnType<typeof world>>;

/** What a refused call answers, as the page or API would show it. */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) return { refused: error.code, message: error.message };
    throw error;
  }
}

const poolIds = new Set(pool.map((q) => q.id));
const heldIds = (w: World) => new Set([w.own.id, ...poolIds]);
/** Every text of a held question that only a revealed view carries. */
const secrets = (w: World) => [
  w.own.explanation,
  ...("wrongExplanations" in w.own ? Object.values(w.own.wrongExplanations) : []),
  // Authored option ids: a view names options by per-attempt tokens, so these appear only in a leaked key.
  ...("options" in w.own ? w.own.options.map((o) => o.id) : []),
  ...pool.flatMap((q) => [q.explanation, ...("wrongExplanations" in q ? Object.values(q.wrongExplanations) : [])]),
];
const releasedTexts = (w: World) => [w.own.explanation, ...pool.map((q) => q.explanation)];

/** Items of held questions in a view: no key, no result; and the view's score is held with them. */
function heldItemsHidden(w: World, view: AttemptView): string[] {
  const problems: string[] = [];
  for (const item of view.items) {
    if (!heldIds(w).has(item.question.id)) continue;
    if ("answer" in item.question) problems.push(`${item.question.id} shows its key`);
    if (item.status === "answered" && item.result !== null) problems.push(`${item.question.id} shows its mark`);
  }
  if (view.items.some((item) => heldIds(w).has(item.question.id)) && (view.reveal || view.score !== null)) problems.push("the score is shown");
  return problems;
}

/**
 * A row: a path, what it returns (serialized and searched), and an extra check. `released` says
 * what must be visible when nothing is held: "texts" (some explanation of the assignment's
 * questions), or a check of its own, or nothing (the path need not show them).
 */
type Row = {
  path: string;
  run: (w: World, now: Date) => Promise<unknown>;
  /** Problems when held (beyond the text search). */
  held?: (w: World, result: unknown) => string[];
  /** Problems when released. */
  released?: "texts" | ((w: World, result: unknown) => string[]);
};

const view = (result: unknown): AttemptView | null => (typeof result === "object" && result !== null && "items" in result ? (result as AttemptView) : null);
const heldView = (w: World, result: unknown) => {
  const v = view(result) ?? view((result as { attempt?: unknown } | null)?.attempt);
  return v ? heldItemsHidden(w, v) : [];
};
const asks = (ids: (w: World) => string[]) => (w: World, result: unknown) => {
  const json = JSON.stringify(result);
  return ids(w).some((id) => json.includes(id)) ? [] : ["asks none of the assignment's questions"];
};

const ROWS: Row[] = [
  {
    path: "assignment: answer outcome",
    run: (w, now) => answerQuestion(w.student.id, w.a2, w.own.id, sentIn(w.a2, w.own, wrongResponse(w.own)), now),
    held: (w, result) => ((result as { item?: { result: unknown } }).item?.result === null ? [] : ["the answer's mark is shown"]),
    released: "texts",
  },
  {
    path: "assignment: resume (the open attempt's view)",
    run: async (w, now) => {
      if (!w.deleted) expect((await startAssignmentAttempt(w.student.id, w.assignmentId, now)).attemptId).toBe(w.a2);
      return getAttemptView(w.student.id, w.a2, now);
    },
    held: heldView,
    released: "texts",
  },
  {
    path: "assignment: results = GET /api/v1/attempts/{id} (getAttemptView)",
    run: (w, now) => getAttemptView(w.student.id, w.a1, now),
    held: heldView,
    released: "texts",
  },
  {
    path: "assignment: the student's list (best score)",
    run: (w, now) => studentAssignments(w.student.id, now),
    held: (w, result) => ((result as { bestScore: number | null }[]).every((a) => a.bestScore === null) ? [] : ["the best score is shown"]),
    released: (w, result) => (w.deleted || (result as { bestScore: number | null }[]).some((a) => a.bestScore !== null) ? [] : ["no best score"]),
  },
  {
    path: "practice: start a lesson quiz (POST /api/v1/attempts)",
    run: async (w, now) => {
      const started = await outcome(() => startAttemptView(w.student.id, { kind: "LESSON", scopeId: LESSON }, now));
      const first = (started as { attempt?: AttemptView }).attempt?.items[0];
      if (!first) return started;
      const q = w.byId.get(first.question.id)!;
      const id = (started as { attempt: AttemptView }).attempt.id;
      return { started, answered: await answerQuestion(w.student.id, id, q.id, sentIn(id, q, wrongResponse(q)), now) };
    },
    held: (w, result) => heldView(w, (result as { started?: unknown }).started ?? result),
    released: "texts",
  },
  {
    path: "practice: start a mixed quiz",
    run: (w, now) => outcome(() => startAttemptView(w.student.id, { kind: "MIXED", scopeId: null }, now)),
    held: (w, result) => {
      const v = view((result as { attempt?: unknown }).attempt);
      // Started while nothing was held (an earlier edit), a resumed quiz may ask them, but hides their answers.
      return v ? heldItemsHidden(w, v) : [];
    },
  },
  {
    path: "practice: resume (started before the assignment was set)",
    run: (w, now) => startAttemptView(w.student.id, { kind: "PHASE", scopeId: phaseId }, now),
    held: heldView,
    released: "texts",
  },
  {
    path: "practice: answer outcome",
    run: (w, now) => {
      const q = w.byId.get(w.lessonIds[2]!)!;
      return answerQuestion(w.student.id, w.p2, q.id, sentIn(w.p2, q, wrongResponse(q)), now);
    },
    held: (w, result) => ((result as { item?: { result: unknown } }).item?.result === null ? [] : ["the answer's mark is shown"]),
    released: "texts",
  },
  {
    path: "practice: retry the ones I missed",
    run: async (w, now) => {
      const retry = await outcome(() => startRetryOfMissed(w.student.id, w.p1, now));
      return "id" in (retry as object) ? getAttemptView(w.student.id, (retry as { id: string }).id, now) : retry;
    },
    held: (w, result) => (view(result) ? [`a retry was started over held questions`] : []),
    released: asks((w) => w.lessonIds),
  },
  {
    path: "review: start (POST /api/v1/attempts REVIEW)",
    run: (w, now) => outcome(() => startAttemptView(w.student.id, { kind: "REVIEW", scopeId: null }, now)),
    held: (w, result) => {
      const v = view((result as { attempt?: unknown }).attempt);
      return v?.items.some((item) => heldIds(w).has(item.question.id)) ? ["review asks a held question"] : [];
    },
    released: asks((w) => [...heldIds(w)]),
  },
  {
    path: "review: the queue (dashboard count and due questions)",
    run: async (w, now) => ({ due: await dueQuestionIds(w.student.id, now, 50), size: await reviewQueueSize(w.student.id, now) }),
    held: (w, result) => ((result as { due: string[] }).due.some((id) => heldIds(w).has(id)) ? ["a held question waits for review"] : []),
    released: asks((w) => [...heldIds(w)]),
  },
  {
    path: "account export",
    run: (w) => exportAccountData(w.student.id),
    held: (w, result) => {
      const attempts = (result as { account: { attempts: { id: string; score: number | null; answers: { questionId: string; correct: boolean | null }[] }[] } })
        .account.attempts;
      const problems = attempts.flatMap((a) =>
        a.answers.filter((ans) => heldIds(w).has(ans.questionId) && ans.correct !== null).map((ans) => `${ans.questionId} marked`),
      );
      if (attempts.find((a) => a.id === w.a1)?.score !== null) problems.push("the assignment's score is exported");
      return problems;
    },
    released: (w, result) => {
      const attempts = (result as { account: { attempts: { id: string; answers: { questionId: string; correct: boolean | null }[] }[] } }).account.attempts;
      return attempts.find((a) => a.id === w.a1)?.answers.some((ans) => ans.questionId === w.own.id && ans.correct === false)
        ? []
        : ["the answer's mark is missing"];
    },
  },
  {
    path: "dashboard: finished quizzes and their scores",
    run: (w, now) => finishedQuizzes(w.student.id, 20, now),
    held: (w, result) => ((result as { id: string }[]).some((q) => q.id === w.a1) ? ["the assignment's score is shown"] : []),
    released: (w, result) => ((result as { id: string }[]).some((q) => q.id === w.a1) ? [] : ["the assignment's score is missing"]),
  },
];

/** Plays every row in one situation; returns the failed cells and counts the checked ones. */
async function playRows(w: World, held: boolean, situation: string, counter: { cells: number; checks: number }): Promise<string[]> {
  const failures: string[] = [];
  for (const row of ROWS) {
    const now = new Date();
    const result = await row.run(w, now);
    const json = JSON.stringify(result);
    const where = `${situation} · ${row.path}`;
    counter.cells += 1;
    if (held) {
      for (const secret of secrets(w)) {
        counter.checks += 1;
        if (json.includes(secret)) failures.push(`${where}: shows ${JSON.stringify(secret.slice(0, 40))}`);
      }
      for (const problem of row.held?.(w, result) ?? []) failures.push(`${where}: ${problem}`);
      counter.checks += 1;
    } else if (row.released) {
      counter.checks += 1;
      if (row.released === "texts") {
        if (!releasedTexts(w).some((text) => json.includes(text))) failures.push(`${where}: shows no explanation`);
      } else for (const problem of row.released(w, result)) failures.push(`${where}: ${problem}`);
    }
  }
  return failures;
}

const totals = { cells: 0, checks: 0 };

describe("the reveal rule on every path (decision 0032)", () => {
  describe.each(COLUMNS)("$name", (column) => {
    it("as set, then after the assignment is deleted", { timeout: 120_000 }, async () => {
      const w = await world(column);
      const failures = await playRows(w, column.held, "as set", totals);
      await deleteAssignment(w.teacher.id, w.assignmentId);
      w.deleted = true;
      failures.push(...(await playRows(w, column.held, "after delete", totals)));
      expect(failures).toEqual([]);
    });

    it("after the class's only teacher deletes their account (the class and its assignments go with it)", { timeout: 120_000 }, async () => {
      const w = await world(column);
      await deleteAccount(w.teacher.id);
      w.deleted = true;
      expect(await playRows(w, column.held, "after the teacher's account is deleted", totals)).toEqual([]);
    });

    it("after the teacher edits the policy to NEVER, then to IMMEDIATELY", { timeout: 120_000 }, async () => {
      const w = await world(column);
      const edit = async (reveal: RevealPolicy) => {
        const current = await db.assignment.findUniqueOrThrow({ where: { id: w.assignmentId }, select: { opensAt: true, dueAt: true, maxAttempts: true } });
        const input = { title: "", opensAt: current.opensAt, dueAt: current.dueAt, reveal, maxAttempts: current.maxAttempts, studentIds: [] };
        const first = await updateAssignment(w.teacher.id, w.assignmentId, input);
        if (!first.saved) expect(await updateAssignment(w.teacher.id, w.assignmentId, input, { confirmedKey: first.key })).toMatchObject({ saved: true });
      };
      await edit("NEVER");
      const failures = await playRows(w, true, "after edit to NEVER", totals);
      await edit("IMMEDIATELY");
      failures.push(...(await playRows(w, false, "after edit to IMMEDIATELY", totals)));
      expect(failures).toEqual([]);
    });
  });

  it("covered the whole table", () => {
    // 13 paths × 5 policy states × 5 situations (as set, after delete, after the teacher's account is
    // deleted, after edit to NEVER, to IMMEDIATELY).
    expect(totals.cells).toBe(ROWS.length * COLUMNS.length * 5);
    console.info(`reveal table: ${ROWS.length} paths × ${COLUMNS.length} policy states × 5 situations = ${totals.cells} cells, ${totals.checks} checks`);
  });
});
