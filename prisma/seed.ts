// `npm run db:seed` (prisma db seed). Idempotent: safe to run again on a seeded database.
// Reference data (phases, key events) is loaded everywhere; demo accounts only outside production.
import { db } from "../lib/db";
import { env } from "../lib/env";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, upsertUser } from "./factories";
import { seedBuiltInArticle, seedContent, seedQuestionBank } from "./seed-content";

async function main() {
  const { seedDemoData } = env();
  const content = await seedContent(db);
  console.log(`Seeded ${content.phases} phases and ${content.events} key events.`);
  const article = await seedBuiltInArticle(db);
  console.log(`Seeded the built-in article (version ${article.version}${article.changed ? ", new" : ", unchanged"}).`);
  const bank = await seedQuestionBank(db);
  console.log(`Seeded ${bank.questions} built-in questions${bank.retired ? ` (${bank.retired} retired)` : ""}.`);
  if (seedDemoData) {
    for (const account of DEMO_ACCOUNTS) await upsertUser(db, { ...account, password: DEMO_PASSWORD });
    console.log(`Seeded ${DEMO_ACCOUNTS.length} demo accounts (password: ${DEMO_PASSWORD}).`);
  } else {
    console.log("Production: demo accounts are not seeded.");
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
