// Malformed requests for the fuzz spec (e2e/security-fuzz.spec.ts): hostile values from fast-check
// with a fixed seed (so a failure names a request that can be sent again), the encodings Next.js
// uses for server action calls, and the checks every response must pass.
import fc from "fast-check";

export const SEED = 20_161_127;
export const HUGE = "x".repeat(1024 * 1024 + 16); // just over the 1 MB limits (server actions, proxy)

export type FuzzRequest = {
  label: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  /** Whose rules the answer follows: our JSON API, Auth.js, a server action, a static file. */
  kind: "api" | "auth" | "action" | "asset";
};

/** Ids that exist but belong to someone else, filled in once the spec has created them. */
export type ForeignIds = { attemptId: string; classId: string; questionId: string; userId: string; email: string };

/** Names that every name rule refuses: empty, blank, control characters, too long. */
export const invalidName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", "   ", "\t", "x".repeat(5_000)),
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.integer({ min: 0, max: 31 }), fc.string({ maxLength: 20 }))
    .map(([a, code, b]) => `${a}x${String.fromCharCode(code)}x${b}`),
  fc.string({ minLength: 81, maxLength: 400 }).filter((s) => s.trim().length > 80),
);

/**
 * Strings a form field or id might be sent as. None looks like a stack trace or a path on this
 * machine, and none is a valid id of the fuzzing person's own (a built-in question or lesson slug
 * would make some calls legitimate writes: duplicating a question, marking a lesson read).
 */
export function hostileString(ids: ForeignIds): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.string({ maxLength: 30 }), weight: 4 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 30 }), weight: 3 }, // any code point: controls, lone surrogates, RTL marks
    { arbitrary: fc.string({ unit: "grapheme", minLength: 200, maxLength: 2_000 }), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        "",
        " ",
        "\u0000",
        "\u202eevil",
        "\r\n\r\n",
        '\'; DROP TABLE "User"; --',
        "<script>window.__xss=1</script>",
        "../../../etc/passwd",
        "%00%2e%2e%2f",
        "null",
        "undefined",
        "NaN",
        "-1",
        "1e309",
        "__proto__",
        "constructor",
        "$$dollar",
        "t-000000000000",
        "ZZZZ-ZZZZ", // a well-formed join code no class has
        "x".repeat(10_000),
      ),
      weight: 3,
    },
    { arbitrary: fc.constantFrom(ids.attemptId, ids.classId, ids.questionId, ids.userId, ids.email), weight: 3 },
  );
}

/** Any JSON value, weighted towards the wrong-type cases: numbers, null, arrays and objects where strings belong. */
export function hostileValue(ids: ForeignIds): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: hostileString(ids), weight: 5 },
    { arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)), weight: 3 },
    { arbitrary: fc.array(hostileString(ids), { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostileString(ids), { maxKeys: 4 }), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
  );
}

/** An object with some of the expected fields (hostile values), some missing, and maybe extra ones. */
export function hostileObject(fields: string[], ids: ForeignIds): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(fields.map((field) => [field, hostileValue(ids)]));
  return fc
    .tuple(
      fc.record(model, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom("admin", "role", "id", "userId", "__proto__", "extra"), hostileValue(ids), { maxKeys: 2 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }));
}

export function sample<T>(arbitrary: fc.Arbitrary<T>, count: number, salt: number): T[] {
  return fc.sample(arbitrary, { numRuns: count, seed: SEED + salt });
}

/** React's reply encoding: a string that starts with "$" is escaped as "$$…". */
function escapeReply(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeReply);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeReply(v)]));
  return value;
}

/** A multipart body the way a page calls `action(prevState, formData)`: the form's fields as "_1_<name>", then "0". */
export async function formActionBody(prevState: unknown, fields: [string, string][]): Promise<{ body: Uint8Array<ArrayBuffer>; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(`_1_${name}`, value);
  form.append("0", JSON.stringify([escapeReply(prevState), "$K1"]));
  return multipart(form);
}

export async function multipart(form: FormData): Promise<{ body: Uint8Array<ArrayBuffer>; contentType: string }> {
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return { body: new Uint8Array(await request.arrayBuffer()), contentType: request.headers.get("content-type") ?? "" };
}

/** The JSON text body of a call with plain arguments, `action(...args)`. */
export function argsActionBody(args: unknown[]): string {
  return JSON.stringify(escapeReply(args));
}

const LEAKS: [RegExp, string][] = [
  [/\n\s+at \S/, "a stack frame"],
  [/\/work\/|\.next\/server|node_modules\/|webpack:\/\/|file:\/\//, "a file path of the server"],
  [/\b(?:TypeError|ReferenceError|SyntaxError|RangeError|PrismaClient\w*Error|SqliteError|SQLITE_\w+)\b/, "an internal error name"],
  [/(?:^|\n|")\s*Error: /, 'an "Error:" message'],
];

export type Outcome = { status: number; headers: Headers; body: string };

/** What is wrong with a response to a malformed request (empty when nothing is). */
export function problemsWith(request: FuzzRequest, outcome: Outcome): string[] {
  const problems: string[] = [];
  if (outcome.status >= 500) problems.push(`status ${outcome.status}`);
  for (const [pattern, what] of LEAKS) {
    const match = pattern.exec(outcome.body);
    if (match) problems.push(`body shows ${what}: …${outcome.body.slice(Math.max(0, match.index - 60), match.index + 80)}…`);
  }
  // Our own API answers every refusal as { error: { code, message } }, a wrong method included
  // (decision 0010); a HEAD response has no body to check.
  if (request.kind === "api" && outcome.status >= 400 && request.method !== "HEAD") {
    let shapeOk = false;
    try {
      const json = JSON.parse(outcome.body) as { error?: { code?: unknown; message?: unknown } };
      shapeOk = typeof json.error?.code === "string" && typeof json.error.message === "string" && json.error.message.length > 0;
    } catch {
      // not JSON
    }
    if (!shapeOk) problems.push(`error body is not {error:{code,message}}: ${outcome.body.slice(0, 200)}`);
    if (outcome.status === 405 && !outcome.headers.get("allow")) problems.push("405 without an Allow header");
  }
  return problems;
}

export function describe(request: FuzzRequest): string {
  const body = request.body === undefined ? "" : typeof request.body === "string" ? request.body : new TextDecoder().decode(request.body);
  const shown = body.length > 300 ? `${body.slice(0, 300)}… (${body.length} characters)` : body;
  return `${request.label}: ${request.method} ${request.path.length > 200 ? `${request.path.slice(0, 200)}…` : request.path}${request.headers ? ` ${JSON.stringify(request.headers)}` : ""}${shown ? ` ${JSON.stringify(shown)}` : ""}`;
}
