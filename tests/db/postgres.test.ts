// Every Prisma workflow we rely on, run through the real CLI and the schema-engine bridge on a
// throwaway PostgreSQL cluster this file starts itself; then data access through lib/db.ts.
// Without PostgreSQL binaries the file warns loudly and skips, unless REQUIRE_POSTGRES=1.
import fs from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTarget } from "@/lib/database-url";
import { createPostgresFactory } from "@backchannel/prisma-engine-bridge/postgres";
import { postgresAvailability, startPostgresCluster, type PostgresCluster } from "../../tooling/postgres-cluster";
import {
  REPO_ROOT,
  SECOND_MIGRATION_MODEL,
  createFixtureProject,
  expectSuccess,
  migrationNames,
  runPrisma,
  type FixtureProject,
} from "../../tooling/prisma-cli";

const availability = postgresAvailability();

let cluster: PostgresCluster;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tableNames = async (url: string) =>
  (await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).map((row) => row.tablename);

const shadowDatabases = async () => (await cluster.listDatabases()).filter((name) => name.startsWith("prisma_migrate_shadow_db_"));

describe.skipIf(!availability.available)("PostgreSQL", () => {
  beforeAll(async () => {
    if (!availability.available) return;
    cluster = await startPostgresCluster(availability.bin);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  describe("CLI workflows on a project copy", () => {
    let project: FixtureProject;
    const url = () => cluster.url("workflows");

    beforeAll(() => {
      project = createFixtureProject("postgresql", url());
    });
    afterAll(() => project.remove());

    it("prisma generate", async () => {
      expectSuccess(await project.prisma(["generate"]), "prisma generate");
      expect(fs.existsSync(`${project.generatedDir}/client.ts`)).toBe(true);
    });

    it("migrate dev: the first migration, creating the database", async () => {
      const result = expectSuccess(await project.prisma(["migrate", "dev", "--name", "init"]), "migrate dev (first)");
      expect(result.stdout).toMatch(/PostgreSQL database workflows created/);
      expect(migrationNames(project.migrationsDir)).toEqual([expect.stringMatching(/^\d{14}_init$/)]);
      expect(await tableNames(url())).toEqual(expect.arrayContaining(["_prisma_migrations", "User", "KeyEvent"]));
    });

    it('migrate dev: a second migration on top, describing the schema (defect 5: "char") on a real shadow database (defect 6)', async () => {
      // The shadow replay of the first migration would fail with "already exists" if it ran on the
      // main database, as adapter-pg's own shadow database handling makes it do.
      project.appendToSchema(SECOND_MIGRATION_MODEL);
      const result = expectSuccess(await project.prisma(["migrate", "dev", "--name", "bookmarks"]), "migrate dev (second)");
      expect(result.output).not.toMatch(/Unsupported column type/);
      expect(migrationNames(project.migrationsDir)).toEqual([expect.stringMatching(/_init$/), expect.stringMatching(/_bookmarks$/)]);
      expect(await tableNames(url())).toContain("Bookmark");
      expect(await shadowDatabases()).toEqual([]); // defect 6: none leaked
    });

    it("migrate status", async () => {
      const result = expectSuccess(await project.prisma(["migrate", "status"]), "migrate status");
      expect(result.stdout).toMatch(/2 migrations found/);
      expect(result.stdout).toMatch(/Database schema is up to date!/);
    });

    it("migrate reset --force", async () => {
      await query(url(), `INSERT INTO "Bookmark" (label) VALUES ('gone after reset')`);
      expectSuccess(await project.prisma(["migrate", "reset", "--force"]), "migrate reset");
      expect(await query(url(), 'SELECT count(*)::int AS n FROM "Bookmark"')).toEqual([{ n: 0 }]);
      expect(await query(url(), "SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL")).toEqual([{ n: 2 }]);
    });

    it("migrate deploy on a fresh database", async () => {
      const fresh = await cluster.createDatabase("deploy_fresh");
      const result = expectSuccess(await project.prisma(["migrate", "deploy"], { DATABASE_URL: fresh }), "migrate deploy");
      expect(result.stdout).toMatch(/All migrations have been successfully applied/);
      expect(await tableNames(fresh)).toContain("Bookmark");
      const status = expectSuccess(await project.prisma(["migrate", "status"], { DATABASE_URL: fresh }), "status after deploy");
      expect(status.stdout).toMatch(/Database schema is up to date!/);
    });

    it("db push", async () => {
      const pushed = cluster.url("pushed");
      expectSuccess(await project.prisma(["db", "push"], { DATABASE_URL: pushed }), "db push");
      const names = await tableNames(pushed);
      expect(names).toEqual(expect.arrayContaining(["Bookmark", "User"]));
      expect(names).not.toContain("_prisma_migrations");
    });

    it("migrate diff --from-empty --to-schema --script needs no server, and says the same as with one (defect 7)", async () => {
      const args = ["migrate", "diff", "--from-empty", "--to-schema", "prisma/schema.prisma", "--script"];
      const online = expectSuccess(await project.prisma(args), "migrate diff (server up)");
      const offline = expectSuccess(await project.prisma(args, { DATABASE_URL: "postgresql://nobody@127.0.0.1:9/nothing" }), "migrate diff (no server)");
      expect(offline.stdout).toMatch(/CREATE TABLE "Bookmark"/);
      expect(offline.stdout).toBe(online.stdout);
    });

    it("migrate diff from the migrations folder to the schema is empty", async () => {
      const result = await project.prisma(["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"]);
      expect(result.code, result.output).toBe(0);
      expect(await shadowDatabases()).toEqual([]);
    });

    it("db seed runs the configured seed command", async () => {
      const result = expectSuccess(await project.prisma(["db", "seed"]), "db seed");
      expect(result.stdout).toMatch(/fixture seed ran/);
    });
  });

  describe("the repository's own config, migrations and seed", () => {
    const url = () => cluster.url("repo");

    it("migrate deploy applies the committed migrations, and migrate status agrees", async () => {
      await cluster.createDatabase("repo");
      expectSuccess(await runPrisma(["migrate", "deploy"], { cwd: REPO_ROOT, env: { DATABASE_URL: url() } }), "migrate deploy (repo)");
      const status = expectSuccess(await runPrisma(["migrate", "status"], { cwd: REPO_ROOT, env: { DATABASE_URL: url() } }), "status (repo)");
      expect(status.stdout).toMatch(/Database schema is up to date!/);
      // prisma.config.ts picked prisma/postgres/migrations for this postgresql:// URL.
      const applied = await query<{ migration_name: string }>(url(), "SELECT migration_name FROM _prisma_migrations ORDER BY 1");
      expect(applied.map((row) => row.migration_name)).toEqual(migrationNames(`${REPO_ROOT}/prisma/postgres/migrations`));
    });

    it("db seed runs prisma/seed.ts against the database", async () => {
      expectSuccess(await runPrisma(["db", "seed"], { cwd: REPO_ROOT, env: { DATABASE_URL: url(), NODE_ENV: "development" } }), "db seed (repo)");
      const [users] = await query<{ n: number }>(url(), 'SELECT count(*)::int AS n FROM "User"');
      expect(users?.n).toBeGreaterThan(0);
    });

    it("the committed PostgreSQL migrations describe prisma/postgres/schema.prisma exactly", async () => {
      const result = await runPrisma(
        ["migrate", "diff", "--from-migrations", "prisma/postgres/migrations", "--to-schema", "prisma/postgres/schema.prisma", "--exit-code"],
        { cwd: REPO_ROOT, env: { DATABASE_URL: url() } },
      );
      expect(result.code, result.output).toBe(0);
    });

    it("migrate reset --force", async () => {
      expectSuccess(await runPrisma(["migrate", "reset", "--force"], { cwd: REPO_ROOT, env: { DATABASE_URL: url() } }), "reset (repo)");
      expect(await query(url(), 'SELECT count(*)::int AS n FROM "User"')).toEqual([{ n: 0 }]);
      expect(await shadowDatabases()).toEqual([]);
    });
  });

  describe("driver adapter fixes, directly", () => {
    it('defect 5: queries returning the "char" type work', async () => {
      const adapter = await createPostgresFactory({ url: cluster.url("postgres") }).connect();
      try {
        const result = await adapter.queryRaw({ sql: `SELECT 'r'::"char" AS kind, relkind FROM pg_class LIMIT 1`, args: [], argTypes: [] });
        expect(result.rows[0]?.[0]).toBe("r");
        const tx = await adapter.startTransaction();
        const inTransaction = await tx.queryRaw({ sql: `SELECT 'v'::"char" AS kind`, args: [], argTypes: [] });
        await tx.rollback();
        expect(inTransaction.rows).toEqual([["v"]]);
      } finally {
        await adapter.dispose();
      }
    });

    it("defect 6: the shadow database is a new database, and it is dropped on dispose", async () => {
      const main = await cluster.createDatabase("shadow_owner");
      const shadow = await createPostgresFactory({ url: main }).connectToShadowDb();
      const [row] = (await shadow.queryRaw({ sql: "SELECT current_database()", args: [], argTypes: [] })).rows;
      const name = String(row?.[0]);
      expect(name).toMatch(/^prisma_migrate_shadow_db_/);
      expect(await shadowDatabases()).toEqual([name]);
      await shadow.dispose();
      expect(await shadowDatabases()).toEqual([]);
    });
  });

  describe("data access through lib/db.ts", () => {
    const url = () => cluster.url("client");

    beforeAll(async () => {
      await cluster.createDatabase("client");
      expectSuccess(await runPrisma(["migrate", "deploy"], { cwd: REPO_ROOT, env: { DATABASE_URL: url() } }), "deploy");
    });

    it("creates and reads records with the PostgreSQL client", async () => {
      const { createDatabaseClient } = await import("@/lib/db");
      const db = createDatabaseClient(databaseTarget(url()));
      try {
        const phase = await db.phase.create({
          data: { id: "p1", position: 1, title: "Cooperation", startYear: 1991, endYear: 1999, summary: "After the Cold War" },
        });
        await db.keyEvent.create({
          data: { id: "e1", phaseId: phase.id, title: "Summit", date: "1993-01", place: "Moscow", people: ["A", "B"], paragraphIds: ["p-1"], position: 1 },
        });
        const found = await db.phase.findUnique({ where: { id: "p1" }, include: { events: true } });
        expect(found?.events).toEqual([expect.objectContaining({ title: "Summit", people: ["A", "B"] })]);
        const [version] = await db.$queryRawUnsafe<{ server_version: string }[]>("SHOW server_version");
        expect(version?.server_version).toMatch(/^\d+/);
        await expect(db.user.findFirst({ where: { email: undefined } })).rejects.toThrow(/undefined/i);
      } finally {
        await db.$disconnect();
      }
    });
  });
});
