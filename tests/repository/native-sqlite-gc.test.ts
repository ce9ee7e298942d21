/**
 * The native SQLite module survives the garbage collector. Compiled against Node 24.19+ headers,
 * better-sqlite3's objects register a cleanup hook each, and freeing one from the collector aborts
 * the whole process ("Assertion failed: (env) != nullptr", nodejs/node#65446): on such a build the
 * seed, every server and a test worker died with SIGABRT. Prisma's adapter prepares a statement per
 * query; this does the same, in a process of its own, until the collector has freed thousands.
 * scripts/install-node.sh builds the module against headers without the hook (decision 0052).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

const STATEMENTS = 200_000;
// Batches between turns of the event loop: the collector runs both inside JavaScript and between
// tasks, and the abort came from the second.
const SCRIPT = `
const Database = require("better-sqlite3");
const db = new Database(":memory:");
db.exec("CREATE TABLE t (x INTEGER)");
let prepared = 0;
function batch() {
  for (let i = 0; i < 2000; i++, prepared++) db.prepare("SELECT x, " + (i % 50) + " AS n FROM t").all();
  if (prepared < ${STATEMENTS}) setImmediate(batch);
  else { db.close(); console.log(prepared + " statements"); }
}
batch();
`;

it("frees thousands of better-sqlite3 statements without aborting the process", () => {
  const run = spawnSync(process.execPath, ["-e", SCRIPT], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  const stderr = run.stderr.split("\n").slice(0, 3).join("\n");
  expect({ status: run.status, signal: run.signal, stderr }).toEqual({ status: 0, signal: null, stderr: "" });
  expect(run.stdout.trim()).toBe(`${STATEMENTS} statements`);
}, 90_000);
