// npm run db:backup [-- <destination>]: a consistent copy of the SQLite database named by
// DATABASE_URL, made with SQLite's online backup while the app keeps running. Without a
// destination it writes backups/backchannel-<UTC timestamp>.db. It never overwrites a file.
import path from "node:path";
import { backupDatabase, BackupError, defaultBackupPath, sqliteFileOf } from "./sqlite-backup";

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  if (args.length > 1 || args[0]?.startsWith("-")) throw new BackupError("Usage: npm run db:backup [-- <destination file>]");
  const source = sqliteFileOf(process.env.DATABASE_URL);
  const destination = args[0] ? path.resolve(args[0]) : defaultBackupPath(new Date());
  const result = await backupDatabase(source, destination);
  const mib = (result.bytes / 2 ** 20).toFixed(2);
  console.log(`Backed up ${result.source}\n       to ${result.destination} (${result.bytes} bytes, ${mib} MiB; integrity ok, ${result.migrations} migrations)`);
}

main().catch((error: unknown) => {
  console.error(`db:backup: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
