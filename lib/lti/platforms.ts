// Registered platforms in the database (the admin page's domain, decision 0051).
import { db } from "@/lib/db";
import { DomainError, fieldError, isUniqueViolation } from "@/lib/errors";
import type { PlatformRegistration } from "./launch";
import { deploymentIdsOf, type PlatformFields } from "./platform-fields";

export type StoredPlatform = PlatformRegistration & { id: string; name: string; tokenUrl: string; keySetUrl: string };

function read(row: {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  deploymentIds: unknown;
  authLoginUrl: string;
  tokenUrl: string;
  keySetUrl: string;
}): StoredPlatform {
  return { ...row, deploymentIds: deploymentIdsOf(row.deploymentIds) };
}

export async function listPlatforms(): Promise<StoredPlatform[]> {
  return (await db.ltiPlatform.findMany({ orderBy: { name: "asc" } })).map(read);
}

export async function findPlatform(id: string): Promise<StoredPlatform | null> {
  const row = await db.ltiPlatform.findUnique({ where: { id } });
  return row ? read(row) : null;
}

/** The platform a login or launch names: by issuer, and by client id when it gives one. */
export async function platformFor(issuer: string, clientId: string | null): Promise<StoredPlatform | null> {
  const rows = await db.ltiPlatform.findMany({ where: clientId === null ? { issuer } : { issuer, clientId } });
  // Without a client id, an issuer registered twice is ambiguous: refused rather than guessed.
  return rows.length === 1 && rows[0] ? read(rows[0]) : null;
}

const TAKEN = "This platform (issuer and client ID) is already registered.";

export async function registerPlatform(fields: PlatformFields): Promise<StoredPlatform> {
  try {
    return read(await db.ltiPlatform.create({ data: fields }));
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("clientId", TAKEN);
    throw error;
  }
}

export async function updatePlatform(id: string, fields: PlatformFields): Promise<StoredPlatform> {
  try {
    const { count } = await db.ltiPlatform.updateMany({ where: { id }, data: fields });
    if (count === 0) throw new DomainError("not_found", "That platform is no longer registered.");
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("clientId", TAKEN);
    throw error;
  }
  return read(await db.ltiPlatform.findUniqueOrThrow({ where: { id } }));
}

export async function removePlatform(id: string): Promise<{ name: string }> {
  const row = await db.ltiPlatform.findUnique({ where: { id }, select: { name: true } });
  if (!row) throw new DomainError("not_found", "That platform is no longer registered.");
  await db.ltiPlatform.delete({ where: { id } });
  return row;
}
