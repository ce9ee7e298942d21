// Creates the load's student accounts in the database named by DATABASE_URL (run by
// prepareLoadDatabase in tooling/load.ts): one per line of BENCH_STUDENT_EMAILS, all with the
// password BENCH_STUDENT_PASSWORD and one shared hash.
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

async function main(): Promise<void> {
  const emails = (process.env.BENCH_STUDENT_EMAILS ?? "").split("\n").filter(Boolean);
  const password = process.env.BENCH_STUDENT_PASSWORD ?? "";
  if (emails.length === 0 || password === "") throw new Error("set BENCH_STUDENT_EMAILS (one per line) and BENCH_STUDENT_PASSWORD");
  const passwordHash = await hashPassword(password);
  for (let i = 0; i < emails.length; i += 500) {
    await db.user.createMany({
      data: emails.slice(i, i + 500).map((email, j) => ({ email, name: `Bench Student ${i + j + 1}`, role: "STUDENT" as const, passwordHash })),
    });
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
