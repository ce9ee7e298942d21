// Requests Next itself answered badly (issue 15, docs/decisions/0034-clean-refusals.md): each must be
// a 4xx with the security headers and leave no error line in the server's log. Its own server, so
// the log read at the end is this spec's alone.
import http from "node:http";
import { builtActions, builtRoutes } from "./support/build-manifest";
import { expect, test } from "./support/fixtures";
import { startOwnServer, type OwnServer } from "./support/own-server";
import { HttpSession, signIn } from "../tooling/http";

test.describe.configure({ mode: "serial" });

let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await startOwnServer("e2e-refusals");
});

test.afterAll(async () => {
  await server?.stop();
});

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request with the path sent byte for byte as given (no URL parser in between). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: server.port, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

function expectSecurityHeaders(response: Raw, label: string) {
  expect(response.headers["content-security-policy"], label).toContain("frame-ancestors 'none'");
  expect(response.headers["x-content-type-options"], label).toBe("nosniff");
  expect(response.headers["x-frame-options"], label).toBe("DENY");
  expect(response.headers["strict-transport-security"], label).toBeTruthy();
}

const MALFORMED = "%E0%A4%A";

test("a path whose % escapes do not decode is a 400 with the security headers, under every prefix", async () => {
  const teacher = new HttpSession(server.port);
  expect(await signIn(teacher, "teacher@backchannel.test", "kerry-lavrov-2016")).toBe(true);
  const cookie = teacher.cookieHeader();
  for (const path of [
    `/${MALFORMED}`,
    `/lessons/${MALFORMED}`,
    `/api/${MALFORMED}`,
    `/api/v1/attempts/${MALFORMED}`,
    `/teacher/${MALFORMED}`,
    `/teacher/classes/%`,
  ]) {
    for (const headers of [{}, { cookie }] as Record<string, string>[]) {
      const response = await raw("GET", path, headers);
      const label = `GET ${path}${"cookie" in headers ? " as a teacher" : ""}`;
      expect(response.status, label).toBe(400);
      expectSecurityHeaders(response, label);
      if (path.startsWith("/api/"))
        expect(JSON.parse(response.body), label).toEqual({ error: { code: "invalid_input", message: "This address is not valid." } });
    }
  }
  // A % that does decode is an ordinary address.
  expect((await raw("GET", "/lessons/100%25")).status).toBe(404);
  teacher.close();
});

test("a chunked body over the limit to an API route is refused with 413 while the rest is still unsent", async () => {
  const student = new HttpSession(server.port);
  expect(await signIn(student, "amira@backchannel.test", "kerry-lavrov-2016")).toBe(true);
  // 1 MB (16 times the 64 KB limit) is sent, then the request stays open, as if 29 MB more were
  // on their way. A server that reads the whole body before checking its size never answers; one
  // that counts while reading answers 413 now. Nothing here depends on how fast this machine is.
  const sentBeforeHolding = 1024 * 1024;
  const chunk = Buffer.alloc(64 * 1024, "a");
  const status = await new Promise<number>((resolve, reject) => {
    let answered = false;
    const request = http.request(
      {
        host: "127.0.0.1",
        port: server.port,
        method: "POST",
        path: "/api/v1/attempts",
        // No Content-Length: chunked, so only counting while reading can enforce the limit.
        headers: { "content-type": "application/json", cookie: student.cookieHeader(), "transfer-encoding": "chunked" },
      },
      (response) => {
        answered = true;
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      },
    );
    request.on("error", (error) => (answered ? undefined : reject(error)));
    request.write('{"kind":"');
    for (let sent = 0; sent < sentBeforeHolding; sent += chunk.length) request.write(chunk);
  });
  expect(status).toBe(413);
  student.close();
});

test("a form posted from another site is a 403 with the security headers, with or without a Next-Action header", async () => {
  const signInAction = builtActions().find((action) => action.name.endsWith("#signInAction"));
  expect(signInAction, "the sign-in action is in the build").toBeTruthy();
  const id = signInAction?.id ?? "";
  const boundary = "----refusal";
  const multipart = (fields: [string, string][]) =>
    fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
  // The no-JavaScript sign-in form (the action id is a field; login CSRF), then the same as a JS call, then urlencoded and text/plain.
  const noJs = multipart([
    [`$ACTION_ID_${id}`, ""],
    ["email", "amira@backchannel.test"],
    ["password", "kerry-lavrov-2016"],
  ]);
  const cases: { label: string; path: string; headers: Record<string, string>; body: string }[] = [
    { label: "no-JS action form", path: "/signin", headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, body: noJs },
    {
      label: "action call",
      path: "/signin",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "next-action": id },
      body: multipart([
        ["1_email", "amira@backchannel.test"],
        ["0", '["$K1"]'],
      ]),
    },
    { label: "urlencoded to a page", path: "/signin", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=a%40b.c&password=x" },
    { label: "urlencoded with Next-Action", path: "/signin", headers: { "content-type": "application/x-www-form-urlencoded", "next-action": id }, body: "a=b" },
    { label: "text/plain to a page", path: "/account", headers: { "content-type": "text/plain" }, body: "x=y" },
    {
      label: "Auth.js credentials callback",
      path: "/api/auth/callback/credentials",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=amira%40backchannel.test&password=kerry-lavrov-2016&csrfToken=x",
    },
  ];
  for (const { label, path, headers, body } of cases) {
    for (const origin of ["https://evil.example", "null"]) {
      const response = await raw("POST", path, { ...headers, origin }, body);
      expect(response.status, `${label} from ${origin}`).toBe(403);
      expectSecurityHeaders(response, `${label} from ${origin}`);
      expect(response.headers["set-cookie"] ?? [], label).toEqual([]);
    }
  }
  // The same no-JS form from this site is not refused by the check.
  const own = await raw(
    "POST",
    "/signin",
    { "content-type": `multipart/form-data; boundary=${boundary}`, origin: server.baseURL, host: new URL(server.baseURL).host },
    noJs,
  );
  expect(own.status).not.toBe(403);
  expect(own.status).toBeLessThan(500);
});

test("Auth.js's own pages are not reachable; the endpoints the app uses still are", async () => {
  for (const path of [
    "/api/auth/signin",
    "/api/auth/signout",
    "/api/auth/error",
    "/api/auth/error?error=Configuration",
    "/api/auth/providers",
    "/api/auth/verify-request",
  ]) {
    const response = await raw("GET", path, { host: "backchannel.example" });
    expect(response.status, path).toBe(404);
    expect(response.body, path).not.toContain("localhost");
    expectSecurityHeaders(response, path);
  }
  for (const path of ["/api/auth/session", "/api/auth/csrf"]) expect((await raw("GET", path)).status, path).toBe(200);
});

test("/api/health tells the public only its status", async () => {
  const response = await raw("GET", "/api/health");
  expect(response.status).toBe(200);
  expect(JSON.parse(response.body)).toEqual({ status: "ok" });
});

test("the redirect of a `//` path carries the security headers and stays on this site", async () => {
  for (const path of ["//evil.example", "//evil.example/%2e%2e", "/lessons//x", "/\\evil.example"]) {
    const response = await raw("GET", path);
    expect(response.status, path).toBe(308);
    expectSecurityHeaders(response, path);
    expect(response.headers.location, path).toMatch(/^\/(?!\/)/);
  }
});

test("the benchmark's page and route are not in the build, and answer 404", async () => {
  const bench = builtRoutes().filter((route) => /^\/(api\/)?bench(\/|$)/.test(route.pattern));
  expect(bench, "a build without BENCH_ROUTES=1 has no bench route (next.config.js pageExtensions)").toEqual([]);
  const page = await raw("GET", "/bench/static");
  expect(page.status).toBe(404);
  expect(page.body).not.toContain("yardstick");
  expect((await raw("POST", "/api/bench/floor", { "content-type": "application/json" }, "{}")).status).toBe(404);
});

test("none of the refusals above left an error line in the server's log", () => {
  const log = server.log();
  expect(log).not.toMatch(/⨯|Error:|Internal Server Error|Invalid Server Actions request|\[auth\]\[error\]/);
});
