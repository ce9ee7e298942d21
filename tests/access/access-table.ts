// Who may use what. Every page, route handler and server action of the app has a row here:
// tests/access/access-table.test.ts fails when one is missing, and e2e/authorization.spec.ts
// checks each row's outcome for an anonymous visitor, a student and a teacher.

/** public: anyone; user: any signed-in person; teacher: signed-in teachers only. */
export type Access = "public" | "user" | "teacher";

export type RouteRow = {
  /** The file that defines the route, relative to the project root. */
  file: string;
  /** A concrete path to request (dynamic segments filled in). */
  path: string;
  kind: "page" | "api";
  method?: "GET" | "POST" | "PUT";
  access: Access;
  /** The status a permitted person gets when it is not 200 (e.g. 404 for a made-up id, 415 for a body-less POST). */
  signedInStatus?: number;
  /** Pages for signed-out people (sign-in) send a signed-in person on to this path instead. */
  signedInRedirect?: string;
  /** A benchmark route (app/bench/enabled.ts): in a build without BENCH_ROUTES=1, a 404 for everyone, before any guard. */
  benchOnly?: true;
  /** Routes the table test cannot simply GET (Auth.js internals): checked elsewhere. */
  skipRequest?: string;
};

export type ActionRow = { file: string; action: string; access: Access };

export const ROUTES: RouteRow[] = [
  { file: "app/page.tsx", path: "/", kind: "page", access: "public" },
  { file: "app/(auth)/signin/page.tsx", path: "/signin", kind: "page", access: "public", signedInRedirect: "/dashboard" },
  { file: "app/(auth)/signup/page.tsx", path: "/signup", kind: "page", access: "public" },
  { file: "app/lessons/page.tsx", path: "/lessons", kind: "page", access: "public" },
  { file: "app/lessons/[slug]/page.tsx", path: "/lessons/potato-diplomacy", kind: "page", access: "public" },
  { file: "app/timeline/page.tsx", path: "/timeline", kind: "page", access: "public" },
  { file: "app/bench/static/page.tsx", path: "/bench/static", kind: "page", access: "public", benchOnly: true },
  { file: "app/dashboard/page.tsx", path: "/dashboard", kind: "page", access: "user" },
  { file: "app/account/page.tsx", path: "/account", kind: "page", access: "user" },
  { file: "app/teacher/page.tsx", path: "/teacher", kind: "page", access: "teacher" },
  { file: "app/api/health/route.ts", path: "/api/health", kind: "api", method: "GET", access: "public" },
  { file: "app/api/account/export/route.ts", path: "/api/account/export", kind: "api", method: "GET", access: "user" },
  { file: "app/quiz/(list)/page.tsx", path: "/quiz", kind: "page", access: "user" },
  { file: "app/quiz/attempt/[attemptId]/page.tsx", path: "/quiz/attempt/not-a-real-attempt", kind: "page", access: "user", signedInStatus: 404 },
  { file: "app/api/v1/attempts/route.ts", path: "/api/v1/attempts", kind: "api", method: "POST", access: "user", signedInStatus: 415 },
  {
    file: "app/api/v1/attempts/[attemptId]/route.ts",
    path: "/api/v1/attempts/not-a-real-attempt",
    kind: "api",
    method: "GET",
    access: "user",
    signedInStatus: 404,
  },
  {
    file: "app/api/v1/attempts/[attemptId]/answers/[questionId]/route.ts",
    path: "/api/v1/attempts/not-a-real-attempt/answers/q1",
    kind: "api",
    method: "PUT",
    access: "user",
    signedInStatus: 415,
  },
  {
    file: "app/api/v1/attempts/[attemptId]/finish/route.ts",
    path: "/api/v1/attempts/not-a-real-attempt/finish",
    kind: "api",
    method: "POST",
    access: "user",
    signedInStatus: 404,
  },
  { file: "app/api/v1/openapi.json/route.ts", path: "/api/v1/openapi.json", kind: "api", method: "GET", access: "public" },
  { file: "app/api/v1/me/reading/route.ts", path: "/api/v1/me/reading", kind: "api", method: "GET", access: "user" },
  {
    file: "app/api/auth/[...nextauth]/route.ts",
    path: "/api/auth/session",
    kind: "api",
    method: "GET",
    access: "public",
    skipRequest: "Auth.js's own endpoints; sign-in and sign-out are covered by e2e/auth.spec.ts",
  },
  { file: "app/teacher/classes/[classId]/page.tsx", path: "/teacher/classes/not-a-real-class", kind: "page", access: "teacher", signedInStatus: 404 },
  {
    file: "app/teacher/classes/[classId]/reports/page.tsx",
    path: "/teacher/classes/not-a-real-class/reports",
    kind: "page",
    access: "teacher",
    signedInStatus: 404,
  },
  {
    file: "app/teacher/classes/[classId]/reports/questions/page.tsx",
    path: "/teacher/classes/not-a-real-class/reports/questions",
    kind: "page",
    access: "teacher",
    signedInStatus: 404,
  },
  {
    file: "app/teacher/classes/[classId]/assignments/[assignmentId]/students/[studentId]/page.tsx",
    path: "/teacher/classes/not-a-real-class/assignments/not-a-real-assignment/students/not-a-real-student",
    kind: "page",
    access: "teacher",
    signedInStatus: 404,
  },
  {
    file: "app/teacher/classes/[classId]/assignments/[assignmentId]/edit/page.tsx",
    path: "/teacher/classes/not-a-real-class/assignments/not-a-real-assignment/edit",
    kind: "page",
    access: "teacher",
    signedInStatus: 404,
  },
  {
    file: "app/teacher/classes/[classId]/projector/page.tsx",
    path: "/teacher/classes/not-a-real-class/projector",
    kind: "page",
    access: "teacher",
    signedInStatus: 404,
  },
  { file: "app/teacher/questions/(list)/page.tsx", path: "/teacher/questions", kind: "page", access: "teacher" },
  { file: "app/teacher/questions/new/page.tsx", path: "/teacher/questions/new", kind: "page", access: "teacher" },
  { file: "app/teacher/questions/[questionId]/page.tsx", path: "/teacher/questions/not-a-real-question", kind: "page", access: "teacher", signedInStatus: 404 },
  {
    file: "app/api/v1/teacher/classes/[classId]/gradebook/route.ts",
    path: "/api/v1/teacher/classes/not-a-real-class/gradebook",
    kind: "api",
    method: "GET",
    access: "teacher",
    signedInStatus: 404,
  },
  { file: "app/classes/page.tsx", path: "/classes", kind: "page", access: "user" },
  { file: "app/classes/join/page.tsx", path: "/classes/join?code=ABCD-EF23", kind: "page", access: "user" },
  { file: "app/api/bench/floor/route.ts", path: "/api/bench/floor", kind: "api", method: "POST", access: "user", benchOnly: true },
];

export const ACTIONS: ActionRow[] = [
  { file: "app/(auth)/actions.ts", action: "signInAction", access: "public" },
  { file: "app/(auth)/actions.ts", action: "signUpAction", access: "public" },
  { file: "app/(auth)/actions.ts", action: "signOutAction", access: "public" },
  { file: "app/account/actions.ts", action: "changeNameAction", access: "user" },
  { file: "app/lessons/actions.ts", action: "saveReadingPositionAction", access: "user" },
  { file: "app/quiz/actions.ts", action: "startQuizAction", access: "user" },
  { file: "app/quiz/actions.ts", action: "answerAction", access: "user" },
  { file: "app/quiz/actions.ts", action: "finishQuizAction", access: "user" },
  { file: "app/quiz/actions.ts", action: "retryMissedAction", access: "user" },
  // Public on purpose: the home page's one sample question; rate-limited, zod-checked, writes nothing.
  { file: "app/sample/actions.ts", action: "checkSampleAnswerAction", access: "public" },
  { file: "app/lessons/actions.ts", action: "setLessonReadAction", access: "user" },
  { file: "app/account/actions.ts", action: "changePasswordAction", access: "user" },
  { file: "app/account/actions.ts", action: "deleteAccountAction", access: "user" },
  { file: "app/teacher/actions.ts", action: "createClassAction", access: "teacher" },
  { file: "app/teacher/classes/[classId]/actions.ts", action: "regenerateCodeAction", access: "teacher" },
  { file: "app/teacher/classes/[classId]/actions.ts", action: "removeStudentAction", access: "teacher" },
  { file: "app/teacher/classes/[classId]/actions.ts", action: "addCoTeacherAction", access: "teacher" },
  { file: "app/teacher/classes/[classId]/actions.ts", action: "createAssignmentAction", access: "teacher" },
  { file: "app/teacher/classes/[classId]/actions.ts", action: "deleteAssignmentAction", access: "teacher" },
  { file: "app/teacher/classes/[classId]/actions.ts", action: "grantExtensionAction", access: "teacher" },
  { file: "app/teacher/classes/[classId]/actions.ts", action: "removeExtensionAction", access: "teacher" },
  { file: "app/teacher/classes/[classId]/actions.ts", action: "renameClassAction", access: "teacher" },
  { file: "app/teacher/classes/[classId]/actions.ts", action: "setClassArchivedAction", access: "teacher" },
  { file: "app/teacher/classes/[classId]/actions.ts", action: "updateAssignmentAction", access: "teacher" },
  { file: "app/teacher/questions/actions.ts", action: "createQuestionAction", access: "teacher" },
  { file: "app/teacher/questions/actions.ts", action: "updateQuestionAction", access: "teacher" },
  { file: "app/teacher/questions/actions.ts", action: "setQuestionRetiredAction", access: "teacher" },
  { file: "app/teacher/questions/actions.ts", action: "duplicateQuestionAction", access: "teacher" },
  { file: "app/classes/actions.ts", action: "joinClassAction", access: "user" },
  { file: "app/classes/actions.ts", action: "startAssignmentAction", access: "user" },
];
