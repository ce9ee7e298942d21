// Who may open which page. Every page of the app has a row here: tests/access/access-table.test.ts
// fails when one is missing, and e2e/authorization.spec.ts checks each row's outcome for an
// anonymous visitor, a student and a teacher. Server actions and route handlers are not listed:
// each declares its own access (lib/actions/define.ts, lib/api/route.ts), and the browser suite
// reads those declarations (e2e/support/declared.json).

/** public: anyone; user: any signed-in person; teacher: signed-in (verified) teachers only; admin: the deployment's administrators (decision 0037). */
export type Access = "public" | "user" | "teacher" | "admin";

export type PageRow = {
  /** The file that defines the page, relative to the project root. */
  file: string;
  /** A concrete path to request (dynamic segments filled in). */
  path: string;
  access: Access;
  /** The status a permitted person gets when it is not 200 (e.g. 404 for a made-up id). */
  signedInStatus?: number;
  /** The same for an anonymous visitor of a public page (a made-up link). */
  anonymousStatus?: number;
  /** Pages for signed-out people (sign-in) send a signed-in person on to this path instead. */
  signedInRedirect?: string;
  /** A benchmark page (page.bench.tsx, app/bench/enabled.ts): not in a build without BENCH_ROUTES=1, so a 404 for everyone. */
  benchOnly?: true;
  /** A development page (app/dev/enabled.ts): a production build (the e2e build) answers 404 for everyone. */
  devOnly?: true;
};

export const PAGES: PageRow[] = [
  { file: "app/page.tsx", path: "/", access: "public" },
  { file: "app/(auth)/signin/page.tsx", path: "/signin", access: "public", signedInRedirect: "/dashboard" },
  // A made-up link request: the page says it has expired or been used, with a 200 (decision 0047).
  { file: "app/(auth)/signin/link/page.tsx", path: "/signin/link?token=not-a-real-token", access: "public" },
  { file: "app/(auth)/signup/page.tsx", path: "/signup", access: "public" },
  { file: "app/(auth)/forgot-password/page.tsx", path: "/forgot-password", access: "public" },
  // A made-up link: the page says it has expired or been used, with a 200.
  { file: "app/(auth)/reset-password/page.tsx", path: "/reset-password?token=not-a-real-token", access: "public" },
  // A made-up link: the page says the invitation has expired or been used, with a 200.
  { file: "app/(auth)/teacher-invitation/page.tsx", path: "/teacher-invitation?token=not-a-real-token", access: "public" },
  { file: "app/dev/outbox/page.tsx", path: "/dev/outbox", access: "public", devOnly: true },
  { file: "app/lessons/page.tsx", path: "/lessons", access: "public" },
  { file: "app/lessons/[slug]/page.tsx", path: "/lessons/potato-diplomacy", access: "public" },
  { file: "app/timeline/page.tsx", path: "/timeline", access: "public" },
  { file: "app/bench/static/page.bench.tsx", path: "/bench/static", access: "public", benchOnly: true },
  { file: "app/dashboard/page.tsx", path: "/dashboard", access: "user" },
  { file: "app/account/page.tsx", path: "/account", access: "user" },
  { file: "app/teacher/page.tsx", path: "/teacher", access: "teacher" },
  { file: "app/admin/page.tsx", path: "/admin", access: "admin" },
  { file: "app/admin/lti/page.tsx", path: "/admin/lti", access: "admin" },
  // Where a refused LTI launch lands: public (the person may not be signed in), the reason by code only.
  { file: "app/lti/refused/page.tsx", path: "/lti/refused?code=nonce", access: "public" },
  // A teacher's Deep Linking request: a made-up one is a 404.
  { file: "app/lti/deep-link/[requestId]/page.tsx", path: "/lti/deep-link/not-a-real-request", access: "teacher", signedInStatus: 404 },
  { file: "app/teacher/lti/page.tsx", path: "/teacher/lti", access: "teacher" },
  { file: "app/quiz/(list)/page.tsx", path: "/quiz", access: "user" },
  { file: "app/quiz/attempt/[attemptId]/page.tsx", path: "/quiz/attempt/not-a-real-attempt", access: "user", signedInStatus: 404 },
  // An imported article and its lessons: only for readers it is shared with (decision 0039), so a made-up one is a 404.
  { file: "app/articles/[slug]/page.tsx", path: "/articles/not-a-real-article", access: "user", signedInStatus: 404 },
  // A published version's lesson pages are static pages behind an unguessable link (decision 0042): a made-up one is a 404 for everyone.
  { file: "app/read/[version]/[lesson]/page.tsx", path: "/read/not-a-real-version/l1", access: "public", anonymousStatus: 404, signedInStatus: 404 },
  { file: "app/teacher/classes/[classId]/page.tsx", path: "/teacher/classes/not-a-real-class", access: "teacher", signedInStatus: 404 },
  { file: "app/teacher/classes/[classId]/reports/page.tsx", path: "/teacher/classes/not-a-real-class/reports", access: "teacher", signedInStatus: 404 },
  {
    file: "app/teacher/classes/[classId]/reports/questions/page.tsx",
    path: "/teacher/classes/not-a-real-class/reports/questions",
    access: "teacher",
    signedInStatus: 404,
  },
  {
    file: "app/teacher/classes/[classId]/assignments/[assignmentId]/students/[studentId]/page.tsx",
    path: "/teacher/classes/not-a-real-class/assignments/not-a-real-assignment/students/not-a-real-student",
    access: "teacher",
    signedInStatus: 404,
  },
  {
    file: "app/teacher/classes/[classId]/assignments/[assignmentId]/edit/page.tsx",
    path: "/teacher/classes/not-a-real-class/assignments/not-a-real-assignment/edit",
    access: "teacher",
    signedInStatus: 404,
  },
  { file: "app/teacher/classes/[classId]/projector/page.tsx", path: "/teacher/classes/not-a-real-class/projector", access: "teacher", signedInStatus: 404 },
  { file: "app/teacher/articles/page.tsx", path: "/teacher/articles", access: "teacher" },
  { file: "app/teacher/articles/new/page.tsx", path: "/teacher/articles/new", access: "teacher" },
  { file: "app/teacher/articles/[articleId]/page.tsx", path: "/teacher/articles/not-a-real-article", access: "teacher", signedInStatus: 404 },
  {
    file: "app/teacher/articles/[articleId]/details/page.tsx",
    path: "/teacher/articles/not-a-real-article/details",
    access: "teacher",
    signedInStatus: 404,
  },
  { file: "app/teacher/questions/(list)/page.tsx", path: "/teacher/questions", access: "teacher" },
  { file: "app/teacher/questions/new/page.tsx", path: "/teacher/questions/new", access: "teacher" },
  { file: "app/teacher/questions/[questionId]/page.tsx", path: "/teacher/questions/not-a-real-question", access: "teacher", signedInStatus: 404 },
  // An imported article's questions: its owner's only; anyone else's or a made-up article is a 404.
  {
    file: "app/teacher/articles/[articleId]/questions/page.tsx",
    path: "/teacher/articles/not-a-real-article/questions",
    access: "teacher",
    signedInStatus: 404,
  },
  {
    file: "app/teacher/articles/[articleId]/questions/new/page.tsx",
    path: "/teacher/articles/not-a-real-article/questions/new",
    access: "teacher",
    signedInStatus: 404,
  },
  {
    file: "app/teacher/articles/[articleId]/questions/[questionId]/page.tsx",
    path: "/teacher/articles/not-a-real-article/questions/not-a-real-question",
    access: "teacher",
    signedInStatus: 404,
  },
  { file: "app/classes/page.tsx", path: "/classes", access: "user" },
  { file: "app/classes/join/page.tsx", path: "/classes/join?code=ABCD-EF23", access: "user" },
];
