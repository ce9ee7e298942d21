// The signed-in learner's reading progress and the lesson work set for them, for the static
// lesson pages: progress bars, and the quiz each lesson ends with (assigned, or practice).
import { json, route } from "@/lib/api/route";
import { getReadingProgress } from "@/lib/progress/reading";
import { lessonAssignmentsForReader } from "@/lib/progress/lesson-assignments";
import { studentAssignments } from "@/lib/teacher/assignments";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  method: "GET",
  access: "user",
  body: null,
  async handle({ user }) {
    const [lessons, assignments] = await Promise.all([getReadingProgress(user.id), studentAssignments(user.id)]);
    return json({ lessons, assignments: lessonAssignmentsForReader(assignments) });
  },
});
