// A simulated student taking quizzes through the JSON API, shared by the load benchmarks: pick a
// quiz like the quiz list offers, start it, answer every open question, finish, start the next.
// Everything the server acknowledges (2xx) goes into a ledger that is checked against the
// database afterwards. Same behaviour as the driver inside bench/quiz.ts, which can move to this.
import { performance } from "node:perf_hooks";
import { getLessons, getPhases } from "@/lib/content";
import { getQuestionBank, getQuestionsForLesson, getQuestionsForPhase } from "@/lib/quiz/bank";
import { responseFor } from "./answers";
import type { HttpSession } from "./http";
import type { Recorder } from "./stats";

export type Student = { email: string; http: HttpSession };
export type Scope = { kind: "LESSON" | "PHASE" | "MIXED"; scopeId: string | null };

/** What a student does at each step (the quiz API here; bench/quiz.ts also has a floor driver). */
export type Driver = {
  start(student: Student, scope: Scope): Promise<{ attemptId: string; open: string[] } | null>;
  answer(student: Student, attemptId: string, questionId: string): Promise<void>;
  finish(student: Student, attemptId: string): Promise<void>;
};

/** Everything the server acknowledged (2xx), to be looked up in the database at the end. */
export type Ledger = {
  answers: { attemptId: string; questionId: string }[];
  /** Attempts a start returned. */
  attempts: Set<string>;
  /** Attempts a finish was acknowledged for. */
  finished: Set<string>;
  /** Acknowledged floor writes per student email (bench/quiz.ts's floor route). */
  floorWrites: Map<string, number>;
};

export function newLedger(): Ledger {
  return { answers: [], attempts: new Set(), finished: new Set(), floorWrites: new Map() };
}

export type DriverSettings = { random: () => number; wrongRate: number; duplicateRate: number };

const QUIZ_LENGTH = { LESSON: 10, PHASE: 12, MIXED: 15 } as const; // as lib/quiz/attempts.ts

/** Mixed review, a lesson quiz or a phase quiz, in the proportions the quiz list suggests. */
export function quizScopes(): { pick: (random: () => number) => Scope; length: (scope: Scope) => number } {
  const lessons = getLessons().map((l) => l.slug);
  const phases = getPhases().map((p) => p.id);
  return {
    pick(random) {
      const r = random();
      if (r < 0.4) return { kind: "MIXED", scopeId: null };
      if (r < 0.7) return { kind: "LESSON", scopeId: lessons[Math.floor(random() * lessons.length)] ?? null };
      return { kind: "PHASE", scopeId: phases[Math.floor(random() * phases.length)] ?? null };
    },
    length(scope) {
      const pool = scope.kind === "MIXED" ? getQuestionBank() : scope.kind === "LESSON" ? getQuestionsForLesson(scope.scopeId ?? "") : getQuestionsForPhase(scope.scopeId ?? "");
      return Math.min(QUIZ_LENGTH[scope.kind], pool.length);
    },
  };
}

const ok = (status: number) => status >= 200 && status < 300;

export function quizDriver(recorder: Recorder | null, ledger: Ledger, { random, wrongRate, duplicateRate }: DriverSettings): Driver {
  return {
    async start(student, scope) {
      const response = await student.http.request("POST", "/api/v1/attempts", { json: scope });
      recorder?.add("start", response.startedAt, response.endedAt, response.status);
      if (!ok(response.status)) return null;
      const { attempt } = JSON.parse(response.body) as { attempt: { id: string; items: { status: string; question: { id: string } }[] } };
      ledger.attempts.add(attempt.id);
      return { attemptId: attempt.id, open: attempt.items.filter((item) => item.status === "open").map((item) => item.question.id) };
    },
    async answer(student, attemptId, questionId) {
      const body = responseFor(questionId, wrongRate, random);
      if (!body) throw new Error(`question ${questionId} is not in the built-in bank`);
      const path = `/api/v1/attempts/${encodeURIComponent(attemptId)}/answers/${encodeURIComponent(questionId)}`;
      // Sometimes the same answer twice at once, as a client that retries too early would send it.
      const twice = random() < duplicateRate;
      const [response, duplicate] = await Promise.all([
        student.http.request("PUT", path, { json: { response: body } }),
        twice ? student.http.request("PUT", path, { json: { response: body }, ownConnection: true }) : null,
      ]);
      recorder?.add("answer", response.startedAt, response.endedAt, response.status);
      if (duplicate) recorder?.add("duplicate", duplicate.startedAt, duplicate.endedAt, duplicate.status);
      if (ok(response.status) || (duplicate && ok(duplicate.status))) ledger.answers.push({ attemptId, questionId });
    },
    async finish(student, attemptId) {
      const response = await student.http.request("POST", `/api/v1/attempts/${encodeURIComponent(attemptId)}/finish`);
      recorder?.add("finish", response.startedAt, response.endedAt, response.status);
      if (ok(response.status)) ledger.finished.add(attemptId);
    },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One student until the deadline (a performance.now() instant): start a quiz, answer each open
 * question (after `pause()` ms; a closed loop passes () => 0), finish, start the next. A failed
 * start backs off for at least 100 ms so that a refusing server is not hammered.
 */
export async function studentLoop(student: Student, driver: Driver, deadline: number, pause: () => number, pick: () => Scope): Promise<void> {
  while (performance.now() < deadline) {
    const started = await driver.start(student, pick());
    if (!started) {
      await sleep(Math.max(pause(), 100));
      continue;
    }
    for (const questionId of started.open) {
      const wait = pause();
      if (wait > 0) await sleep(wait);
      if (performance.now() >= deadline) return;
      await driver.answer(student, started.attemptId, questionId);
    }
    if (performance.now() >= deadline) return;
    await driver.finish(student, started.attemptId);
  }
}

export type LedgerCheck = {
  acknowledged: number;
  rowsInDatabase: number;
  missing: number;
  sampleMissing: string[];
  attemptsAcknowledged: number;
  attemptsMissing: number;
  finishesAcknowledged: number;
  finishesMissing: number;
};

/**
 * The ledger against what the database holds: answer rows as "attemptId/questionId", and every
 * attempt with whether it is finished. Whatever database was read, the comparison is the same.
 */
export function compareLedger(ledger: Ledger, inDatabase: { answers: Set<string>; attempts: Map<string, boolean> }): LedgerCheck {
  const missing = ledger.answers.filter((a) => !inDatabase.answers.has(`${a.attemptId}/${a.questionId}`));
  return {
    acknowledged: ledger.answers.length,
    rowsInDatabase: inDatabase.answers.size,
    missing: missing.length,
    sampleMissing: missing.slice(0, 5).map((m) => `${m.attemptId}/${m.questionId}`),
    attemptsAcknowledged: ledger.attempts.size,
    attemptsMissing: [...ledger.attempts].filter((id) => !inDatabase.attempts.has(id)).length,
    finishesAcknowledged: ledger.finished.size,
    finishesMissing: [...ledger.finished].filter((id) => inDatabase.attempts.get(id) !== true).length,
  };
}
