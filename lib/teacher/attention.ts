// What needs a teacher's attention across their (not archived) classes, for their home page:
// assignments past their due date with students who are late or missing, and the questions their
// classes miss most. Built from the same reports as the class pages (reports.ts), so the numbers
// agree with the gradebook and the question analysis.
import { db } from "@/lib/db";
import { gradebookForClass, questionReport } from "./reports";
import type { ItemStats } from "./report-math";

export type OverdueWork = {
  classId: string;
  className: string;
  assignmentId: string;
  title: string;
  dueAt: Date;
  missing: { id: string; name: string }[];
  late: { id: string; name: string }[];
};

export type MissedQuestion = ItemStats & { classId: string; className: string };

export type Attention = { overdue: OverdueWork[]; missed: MissedQuestion[] };

/** Below this many answers a question's share right says little; it is left out of "most missed". */
export const MIN_ANSWERS_FOR_MISSED = 2;

/**
 * Late or missing work on assignments whose due date has passed (a student's extension counts:
 * who is still within theirs is neither), most recent due date first; and the five questions with
 * the lowest share right (at least MIN_ANSWERS_FOR_MISSED answers, fewer than all right).
 */
export async function attentionForTeacher(teacherId: string, now = new Date(), limit = 5): Promise<Attention> {
  const classes = await db.classroom.findMany({
    where: { archivedAt: null, teachers: { some: { userId: teacherId } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const reports = await Promise.all(
    classes.map(async (c) => {
      const [{ gradebook }, questions] = await Promise.all([gradebookForClass(teacherId, c.id, now), questionReport(teacherId, c.id)]);
      return { classroom: c, gradebook, items: questions.items };
    }),
  );

  const overdue: OverdueWork[] = [];
  const missed: MissedQuestion[] = [];
  for (const { classroom, gradebook, items } of reports) {
    gradebook.columns.forEach((column, index) => {
      if (column.dueAt.getTime() >= now.getTime()) return;
      const missing: OverdueWork["missing"] = [];
      const late: OverdueWork["late"] = [];
      for (const row of gradebook.rows) {
        const cell = row.cells[index];
        if (!cell?.assigned) continue;
        if (cell.status === "missing") missing.push({ id: row.student.id, name: row.student.name });
        if (cell.status === "late" || cell.status === "not-counted") late.push({ id: row.student.id, name: row.student.name });
      }
      if (missing.length + late.length > 0)
        overdue.push({ classId: classroom.id, className: classroom.name, assignmentId: column.id, title: column.title, dueAt: column.dueAt, missing, late });
    });
    for (const item of items) {
      if (item.answers >= MIN_ANSWERS_FOR_MISSED && item.correctShare < 1) missed.push({ ...item, classId: classroom.id, className: classroom.name });
    }
  }
  overdue.sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime());
  missed.sort((a, b) => a.correctShare - b.correctShare || b.answers - a.answers);
  return { overdue, missed: missed.slice(0, limit) };
}
