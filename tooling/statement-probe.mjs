// Loaded into a server under test (NODE_OPTIONS=--import, only when STATEMENT_LOG_FILE is set; see
// statementProbeEnv in tooling/next-server.ts): appends every SQL statement the process prepares
// on SQLite to STATEMENT_LOG_FILE, one JSON string a line. The Prisma SQLite adapter prepares each
// statement it sends through better-sqlite3 (the same module instance the server loads, as it is
// external to Next's bundles), so the file lists what the app asked of the database. It changes
// nothing in the app; tests count lines in it (e.g. how often one page read the session user).
import fs from "node:fs";
import { createRequire } from "node:module";

const file = process.env.STATEMENT_LOG_FILE;
if (file) {
  const require = createRequire(import.meta.url);
  const Sqlite = require("better-sqlite3");
  const prepare = Sqlite.prototype.prepare;
  Sqlite.prototype.prepare = function prepareAndRecord(source, ...rest) {
    fs.appendFileSync(file, `${JSON.stringify(String(source))}\n`);
    return prepare.call(this, source, ...rest);
  };
}
