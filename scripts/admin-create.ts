// npm run admin:create -- --email you@school.org [--name "Your Name"]
// Makes an administrator of the database in DATABASE_URL (decision 0037): promotes the account with
// that email, or creates it. A new account's password is read from ADMIN_PASSWORD, else asked for
// (not echoed); weak passwords are refused as at sign-up.
import readline from "node:readline";
import { parseArgs } from "node:util";
import { accountExists, createOrPromoteAdmin } from "../lib/admin/create-admin";
import { db } from "../lib/db";
import { DomainError } from "../lib/errors";

function usage(): never {
  throw new DomainError(
    "invalid_input",
    'Usage: npm run admin:create -- --email you@school.org [--name "Your Name"] (password from ADMIN_PASSWORD, or asked for)',
  );
}

async function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new DomainError("invalid_input", "Set ADMIN_PASSWORD, or run this in a terminal to type the password.");
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Nothing typed is echoed: the question is written once, then output is muted until Enter.
  const output = rl as unknown as { _writeToOutput: (text: string) => void };
  process.stdout.write(question);
  output._writeToOutput = () => {};
  return new Promise((resolve) =>
    rl.question("", (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    }),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2).filter((arg) => arg !== "--"), options: { email: { type: "string" }, name: { type: "string" } } });
  if (!values.email) usage();
  let password: string | undefined;
  if (!(await accountExists(values.email))) {
    if (!values.name) throw new DomainError("invalid_input", "No account has this email: give --name to create one.");
    password = process.env.ADMIN_PASSWORD ?? (await askHidden(`Password for ${values.email}: `));
  }
  const result = await createOrPromoteAdmin({ email: values.email, name: values.name, password });
  console.log(result.created ? `Created ${result.email}: an administrator and teacher.` : `${result.email} is now an administrator and teacher.`);
}

main()
  .catch((error: unknown) => {
    console.error(`admin:create: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
