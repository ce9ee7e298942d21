// Accounts made directly in a test database through the shared factories (prisma/factories.ts),
// for tests whose subject is not how the account came to be. A verified teacher is one an
// administrator approved or invited (decision 0037); the journeys that test those paths make
// theirs by clicks (e2e/admin.spec.ts).
import { databaseTarget } from "../lib/database-url";
import { upsertUser, type UserInput } from "../prisma/factories";
import { toolingClient } from "./database-client";

/** Creates (or updates) the account in the SQLite file or PostgreSQL database at `databaseUrl`. */
export async function createAccountIn(databaseUrl: string, input: UserInput & { email: string; password: string }) {
  const target = databaseTarget(databaseUrl);
  if (target.provider !== "sqlite") throw new Error("createAccountIn: the browser tests run on SQLite files");
  const client = toolingClient(target);
  try {
    return await upsertUser(client, input);
  } finally {
    await client.$disconnect();
  }
}
