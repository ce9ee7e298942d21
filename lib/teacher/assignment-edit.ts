// Editing an assignment after it is set: what the change means for students who have already
// started, worked out before anything is saved, so the teacher can read it and decide. Pure: the
// rules are table-tested in assignment-edit.test.ts; lib/teacher/assignments.ts loads the rows.
import { createHash } from "node:crypto";
import { attemptMarks } from "./lateness";
import { assignmentStatus, effectiveDueAt, STATUS_LABELS, type AssignmentStatus } from "./status";
import { REVEAL_LABELS, type RevealPolicy } from "./validation";

/** The fields a teacher may change once an assignment is set. */
export type EditableAssignment = {
  opensAt: Date;
  dueAt: Date;
  reveal: RevealPolicy;
  maxAttempts: number;
  /** Decision 0036: which attempts count toward the grade. */
  lateWorkCounts: boolean;
  afterRevealCounts: boolean;
  /** Empty: the whole class. */
  targetIds: readonly string[];
};

export type StudentFacts = {
  id: string;
  name: string;
  /** Their extension, if any. */
  overrideDueAt: Date | null;
  extraAttempts: number;
  attempts: readonly { startedAt: Date; finishedAt: Date | null }[];
};

export type ConsequenceKind =
  "no-attempt-left" | "status-change" | "extension-ends" | "removed-with-work" | "removed" | "added" | "reveal" | "reopens-later" | "counting";

export type Consequence = { kind: ConsequenceKind; studentIds: string[]; message: string };

export type EditPreview = {
  /** Students (among those it was set for) who have at least one attempt. */
  started: { id: string; name: string }[];
  consequences: Consequence[];
};

const assignedTo = (targetIds: readonly string[], id: string) => targetIds.length === 0 || targetIds.includes(id);

/** "Amira", "Amira and Leo", "Amira, Leo and Sam". */
export function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

const verb = (count: number, one: string, many: string) => (count === 1 ? one : many);

/**
 * Everything that changes for the class's students, in plain words. Students who have not started
 * and keep the assignment are only mentioned when their status changes (e.g. it becomes missing).
 * An extension's due date that the new due date overtakes ends (the assignment's date is later).
 */
export function previewAssignmentEdit(before: EditableAssignment, after: EditableAssignment, students: readonly StudentFacts[], now: Date): EditPreview {
  const sorted = [...students].sort((a, b) => a.name.localeCompare(b.name));
  const wasSet = sorted.filter((s) => assignedTo(before.targetIds, s.id));
  const isSet = sorted.filter((s) => assignedTo(after.targetIds, s.id));
  const started = wasSet.filter((s) => s.attempts.length > 0).map(({ id, name }) => ({ id, name }));
  const consequences: Consequence[] = [];
  const add = (kind: ConsequenceKind, people: readonly StudentFacts[], message: string) => {
    if (people.length > 0) consequences.push({ kind, studentIds: people.map((p) => p.id), message });
  };

  // Who it is set for.
  const removed = wasSet.filter((s) => !assignedTo(after.targetIds, s.id));
  const removedWithWork = removed.filter((s) => s.attempts.length > 0);
  const removedQuietly = removed.filter((s) => s.attempts.length === 0);
  add(
    "removed-with-work",
    removedWithWork,
    `${nameList(removedWithWork.map((s) => s.name))} ${verb(removedWithWork.length, "has", "have")} already started and will no longer see this assignment. Their attempts are kept and come back if you set it for them again.`,
  );
  add("removed", removedQuietly, `No longer set for ${nameList(removedQuietly.map((s) => s.name))}.`);
  const added = isSet.filter((s) => !assignedTo(before.targetIds, s.id));
  add("added", added, `Now also set for ${nameList(added.map((s) => s.name))}.`);

  const kept = isSet.filter((s) => assignedTo(before.targetIds, s.id));

  // Attempts.
  const noneLeft = kept.filter((s) => {
    const used = s.attempts.length;
    return used < before.maxAttempts + s.extraAttempts && used >= after.maxAttempts + s.extraAttempts;
  });
  const stillOpen = noneLeft.filter((s) => s.attempts.some((a) => a.finishedAt === null));
  const closed = noneLeft.filter((s) => !stillOpen.includes(s));
  add(
    "no-attempt-left",
    closed,
    `Allowing ${after.maxAttempts} ${verb(after.maxAttempts, "attempt", "attempts")} leaves ${nameList(closed.map((s) => s.name))} with no attempt left.`,
  );
  add(
    "no-attempt-left",
    stillOpen,
    `Allowing ${after.maxAttempts} ${verb(after.maxAttempts, "attempt", "attempts")}: ${nameList(stillOpen.map((s) => s.name))} can finish the attempt already open, but not start another.`,
  );
  const over = kept.filter((s) => s.attempts.length > after.maxAttempts + s.extraAttempts);
  add("no-attempt-left", over, `${nameList(over.map((s) => s.name))} already made more attempts than that; every attempt is kept and counts.`);

  // Extensions overtaken by a later due date.
  const overtaken = kept.filter((s) => s.overrideDueAt !== null && s.overrideDueAt.getTime() <= after.dueAt.getTime());
  add(
    "extension-ends",
    overtaken,
    `${nameList(overtaken.map((s) => s.name))}’s ${verb(overtaken.length, "extension ends", "extensions end")}: the new due date is as late or later. Extra attempts stay.`,
  );

  // Statuses that change with the dates.
  const changes = new Map<string, StudentFacts[]>();
  for (const s of kept) {
    const statusBefore = statusOf(before, s, s.overrideDueAt, now);
    const overrideAfter = overtaken.includes(s) ? null : s.overrideDueAt;
    const statusAfter = statusOf(after, s, overrideAfter, now);
    if (statusBefore === statusAfter) continue;
    const key = `${statusBefore}>${statusAfter}`;
    changes.set(key, [...(changes.get(key) ?? []), s]);
  }
  for (const [key, people] of changes) {
    const [from, to] = key.split(">") as [AssignmentStatus, AssignmentStatus];
    add("status-change", people, statusMessage(people, from, to));
  }

  // Which attempts count (late work, attempts after the answers were shown, or a new due date).
  // Those whose status changes were told above; this names the rest (a grade changes, not a status).
  const statusChanged = new Set([...changes.values()].flat());
  const recounted = kept.filter((s) => {
    if (statusChanged.has(s)) return false;
    const overrideAfter = overtaken.includes(s) ? null : s.overrideDueAt;
    const countedBefore = s.attempts.map((a) => attemptMarks(a.startedAt, effectiveDueAt(before.dueAt, s.overrideDueAt), before).counted);
    const countedAfter = s.attempts.map((a) => attemptMarks(a.startedAt, effectiveDueAt(after.dueAt, overrideAfter), after).counted);
    return countedBefore.some((c, i) => c !== countedAfter[i]);
  });
  add(
    "counting",
    recounted,
    `Which of ${nameList(recounted.map((s) => s.name))}’s attempts count toward the grade changes; grades are worked out again and no attempt is deleted.`,
  );

  // Opening later than now, after some have started.
  if (after.opensAt.getTime() > now.getTime() && before.opensAt.getTime() <= now.getTime()) {
    const open = kept.filter((s) => s.attempts.length > 0);
    if (open.length > 0)
      add(
        "reopens-later",
        open,
        `${nameList(open.map((s) => s.name))} started while it was open: their attempts stay, and nobody can start a new one until it opens again.`,
      );
    else consequences.push({ kind: "reopens-later", studentIds: [], message: "It leaves students’ “open now” work until the new opening date." });
  }

  // Reveal policy, for those who have already answered.
  if (before.reveal !== after.reveal) {
    const answered = kept.filter((s) => s.attempts.length > 0);
    if (answered.length > 0) {
      add(
        "reveal",
        answered,
        `Answers and explanations: “${REVEAL_LABELS[after.reveal]}” from now on, also for the ${verb(answered.length, "attempt", "attempts")} ${nameList(answered.map((s) => s.name))} already made.`,
      );
    }
  }
  return { started, consequences };
}

function statusOf(assignment: EditableAssignment, student: StudentFacts, overrideDueAt: Date | null, now: Date): AssignmentStatus {
  return assignmentStatus({
    opensAt: assignment.opensAt,
    dueAt: effectiveDueAt(assignment.dueAt, overrideDueAt),
    policy: assignment,
    attempts: student.attempts,
    now,
  });
}

function statusMessage(people: readonly StudentFacts[], from: AssignmentStatus, to: AssignmentStatus): string {
  const names = nameList(people.map((s) => s.name));
  const their = verb(people.length, "attempt", "attempts");
  if (from === "done" && to === "late") return `Moving the due date earlier makes ${names}’s ${their} late.`;
  if (from === "late" && to === "done") return `${names}’s late ${their} will count as on time.`;
  if (from === "late" && to === "not-counted") return `${names}’s late ${their} will no longer count toward the grade (kept, marked).`;
  if (from === "not-counted" && to === "late") return `${names}’s late ${their} will count toward the grade, marked late.`;
  if (to === "missing") return `${names} ${verb(people.length, "has", "have")} not finished: the work becomes missing.`;
  if (from === "missing") return `${names}’s work is no longer missing (${STATUS_LABELS[to].toLowerCase()}).`;
  return `${names}: ${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}.`;
}

/** A short fingerprint of a preview: the teacher confirms exactly what they were shown. */
export function previewKey(preview: EditPreview): string {
  return createHash("sha256")
    .update(preview.consequences.map((c) => c.message).join("\n"))
    .digest("base64url")
    .slice(0, 16);
}
