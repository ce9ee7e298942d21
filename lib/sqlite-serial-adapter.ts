// SQLite through @prisma/adapter-better-sqlite3 has ONE connection per process. The adapter makes
// transactions wait for each other, but not plain queries: a query from another request, sent
// while a transaction is open, runs inside that transaction. It would read uncommitted rows, and
// if the transaction rolled back, its own acknowledged write would vanish with it
// (bench/adapter-interleave.ts shows it; tests/integration/sqlite-isolation.test.ts guards it).
// This wrapper makes every statement outside a transaction wait until no transaction is open.
//
// It also makes every transaction take SQLite's write lock when it begins (BEGIN IMMEDIATE). The
// adapter sends a plain BEGIN, which takes no lock until the first statement; a transaction that
// reads first and writes afterwards (the sign-in throttle does) then has to upgrade its read lock,
// and SQLite refuses that upgrade at once with SQLITE_BUSY when another process (a second server,
// a script) holds the write lock: the busy timeout only covers a lock taken at the start. Prisma
// reports that as "Operation has timed out" (tests/reliability guards it; decision 0012).
import type { IsolationLevel, SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

export function serializeTransactions(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => gate(await factory.connect()),
    connectToShadowDb: async () => gate(await factory.connectToShadowDb()),
  };
}

function gate(adapter: SqlDriverAdapter): SqlDriverAdapter {
  // Settles when the open transaction ends; null when none is open. Each method re-checks after
  // waiting (and synchronously before it starts), so no statement slips in between.
  let open: Promise<void> | null = null;

  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    async queryRaw(query: SqlQuery) {
      while (open) await open;
      return adapter.queryRaw(query);
    },
    async executeRaw(query: SqlQuery) {
      while (open) await open;
      return adapter.executeRaw(query);
    },
    async executeScript(script: string) {
      while (open) await open;
      return adapter.executeScript(script);
    },
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      while (open) await open;
      let finish: () => void = () => undefined;
      open = new Promise<void>((resolve) => (finish = resolve));
      const end = () => {
        open = null;
        finish();
      };
      let transaction: Transaction;
      try {
        transaction = await adapter.startTransaction(isolationLevel);
      } catch (error) {
        end();
        throw error;
      }
      try {
        // BEGIN took no lock yet, so nothing is lost by ending it; BEGIN IMMEDIATE waits for the
        // write lock within the busy timeout. Nothing else runs in between: the gate is closed.
        await transaction.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] });
        await transaction.executeRaw({ sql: "BEGIN IMMEDIATE", args: [], argTypes: [] });
      } catch (error) {
        // No transaction is open now; the adapter's rollback() only releases its own mutex.
        try {
          await transaction.rollback();
        } finally {
          end();
        }
        throw error;
      }
      return {
        provider: transaction.provider,
        adapterName: transaction.adapterName,
        options: transaction.options,
        queryRaw: (query) => transaction.queryRaw(query),
        executeRaw: (query) => transaction.executeRaw(query),
        createSavepoint: transaction.createSavepoint?.bind(transaction),
        rollbackToSavepoint: transaction.rollbackToSavepoint?.bind(transaction),
        releaseSavepoint: transaction.releaseSavepoint?.bind(transaction),
        async commit() {
          try {
            await transaction.commit();
          } finally {
            end();
          }
        },
        async rollback() {
          try {
            await transaction.rollback();
          } finally {
            end();
          }
        },
      };
    },
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
  };
}
