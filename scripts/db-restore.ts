// npm run db:restore -- <backup file>: puts a backup made by npm run db:backup in place of the
// SQLite database named by DATABASE_URL. Refuses while a process has the database open; the
// current database is renamed aside (<name>.before-restore-<UTC timestamp>), never deleted.
import { BackupError, restoreDatabase, sqliteFileOf } from "./sqlite-backup";

function main(): void {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  const backup = args[0];
  if (args.length !== 1 || backup === undefined || backup.startsWith("-"))
    throw new BackupError("Usage: npm run db:restore -- <backup file> (stop the server first)");
  const result = restoreDatabase(backup, sqliteFileOf(process.env.DATABASE_URL));
  if (!result.checkedInUse) console.warn("Warning: could not check whether a server has the database open (no /proc here). Make sure it is stopped.");
  if (result.savedAs) console.log(`The database that was there is saved as ${result.savedAs}`);
  console.log(`Restored ${result.backup}\n      to ${result.target}. Start the server again.`);
}

try {
  main();
} catch (error) {
  console.error(`db:restore: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
