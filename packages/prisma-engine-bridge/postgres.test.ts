// Pure parts of the PostgreSQL support; tests/db/ runs the rest against a real server.
import { describe, expect, it } from "vitest";
import { OFFLINE_SERVER_VERSION_NUM, connectionErrorToPrisma, createOfflinePostgresFactory, isVersionProbe, relabelCharColumns } from "./postgres.mjs";

const where = { database: "app", host: "db", port: "5432", user: "me" };

describe("relabelCharColumns (defect 5)", () => {
  it('turns "char" (OID 18) columns into text (OID 25), in single and multi-statement results', () => {
    const single = {
      fields: [
        { name: "relkind", dataTypeID: 18 },
        { name: "n", dataTypeID: 23 },
      ],
      rows: [],
    };
    expect(relabelCharColumns(single).fields.map((field) => field.dataTypeID)).toEqual([25, 23]);
    const multi = [{ fields: [{ dataTypeID: 18 }] }, { fields: [] }, {}];
    expect(relabelCharColumns(multi)[0]?.fields?.[0]?.dataTypeID).toBe(25);
    expect(relabelCharColumns(undefined)).toBeUndefined();
  });
});

describe("connectionErrorToPrisma", () => {
  it("maps driver errors to the codes the CLI acts on", () => {
    expect(connectionErrorToPrisma({ code: "3D000" }, where)).toEqual({
      code: "P1003",
      message: "Database `app` does not exist on the database server at `db:5432`.",
    });
    expect(connectionErrorToPrisma({ code: "ECONNREFUSED" }, where).code).toBe("P1001");
    expect(connectionErrorToPrisma({ code: "28P01" }, where).code).toBe("P1000");
    expect(connectionErrorToPrisma({ code: "28000" }, where).code).toBe("P1010");
    expect(connectionErrorToPrisma({ code: "XX000", message: "odd" }, where)).toEqual({ code: undefined, message: "odd" });
  });
});

describe("offline factory (defect 7)", () => {
  it("answers only the engine's start-up probe", async () => {
    const probe = "SELECT EXISTS(SELECT 1 FROM pg_namespace WHERE nspname = $1), version(), current_setting('server_version_num')::integer as numeric_version;";
    expect(isVersionProbe(probe)).toBe(true);
    expect(isVersionProbe("SELECT 1")).toBe(false);

    const adapter = await createOfflinePostgresFactory("public").connect();
    const result = await adapter.queryRaw({ sql: probe, args: ["public"], argTypes: [] });
    expect(result.rows).toEqual([[true, expect.stringContaining("PostgreSQL 15"), OFFLINE_SERVER_VERSION_NUM]]);
    await expect(adapter.queryRaw({ sql: 'SELECT * FROM "User"', args: [], argTypes: [] })).rejects.toThrow();
    await expect(adapter.executeScript("DROP TABLE x")).rejects.toThrow();
    expect(adapter.getConnectionInfo?.()).toEqual({ schemaName: "public", supportsRelationJoins: true });
  });
});
