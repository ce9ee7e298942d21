// The schema's enums (prisma/schema.prisma), the one place the app takes them from: types, values
// and zod schemas (`z.enum(RevealPolicy)`) all derive from these objects, so a value added to the
// schema reaches every check at once. Prisma's generated `enums` module is plain `as const` objects
// with no Prisma runtime, so client components may import this file. The SQLite client's copy is
// the canonical one (lib/db.ts types the app against it); the PostgreSQL client is generated from
// the same model, and lib/enums.test.ts checks that the two agree.
export { ArticleStatus, AssignmentKind, ClassRole, QuestionSource, QuizKind, RevealPolicy, Role } from "./generated/sqlite/enums";
