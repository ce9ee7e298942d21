// A minimal HTTP/1.1 client for the load generator: node:http with one keep-alive agent per
// simulated student (a browser keeps its own connection), a cookie jar each, and timing that
// covers the whole response body.
import http from "node:http";
import { performance } from "node:perf_hooks";

export type HttpResponse = { status: number; headers: http.IncomingHttpHeaders; body: string; startedAt: number; endedAt: number };

const REQUEST_TIMEOUT_MS = 30_000;

export class HttpSession {
  private readonly agent: http.Agent;
  private cookies = new Map<string, string>();

  constructor(
    private readonly port: number,
    private readonly host = "127.0.0.1",
  ) {
    // Idle sockets are closed after 4 s, before the server's 5 s keep-alive timeout can close
    // one just as a request is written on it (which would show up as a reset, not a server error).
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1, timeout: 4_000 });
  }

  cookieNames(): string[] {
    return [...this.cookies.keys()];
  }

  /**
   * A session on another server (port) that shares this one's cookie jar, as a browser behind a
   * load balancer would: what either receives, both send. Its own keep-alive connection.
   */
  onPort(port: number): HttpSession {
    const other = new HttpSession(port, this.host);
    other.cookies = this.cookies;
    return other;
  }

  /** The cookies as a Cookie request header, for handing this session to another client (Lighthouse). */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  close(): void {
    this.agent.destroy();
  }

  /**
   * Sends one request; never throws: a request with no response has status 0. `ownConnection`
   * sends it on a new connection (a second copy racing the first, as a retrying client would).
   */
  request(method: string, path: string, options: { json?: unknown; form?: Record<string, string>; ownConnection?: boolean } = {}): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: "application/json" };
    let payload: string | undefined;
    if (options.json !== undefined) {
      payload = JSON.stringify(options.json);
      headers["content-type"] = "application/json";
    } else if (options.form) {
      payload = new URLSearchParams(options.form).toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    }
    if (payload !== undefined) headers["content-length"] = String(Buffer.byteLength(payload));
    if (this.cookies.size) headers.cookie = this.cookieHeader();

    return new Promise((resolve) => {
      const startedAt = performance.now();
      let settled = false;
      const done = (status: number, responseHeaders: http.IncomingHttpHeaders, body: string) => {
        if (settled) return;
        settled = true;
        resolve({ status, headers: responseHeaders, body, startedAt, endedAt: performance.now() });
      };
      const req = http.request({ host: this.host, port: this.port, method, path, headers, agent: options.ownConnection ? false : this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          this.storeCookies(res.headers["set-cookie"]);
          done(res.statusCode ?? 0, res.headers, Buffer.concat(chunks).toString("utf8"));
        });
        res.on("error", () => done(0, {}, ""));
      });
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error("timeout")));
      req.on("error", (error) => done(0, {}, String(error)));
      req.end(payload);
    });
  }

  private storeCookies(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const pair = line.split(";", 1)[0] ?? "";
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      // An expired or emptied cookie is a deletion.
      if (value === "" || /max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/**
 * Signs in over HTTP the way a browser form does with Auth.js: GET /api/auth/csrf (token and its
 * cookie), then POST /api/auth/callback/credentials without following the redirect. Resolves to
 * true when a session cookie came back.
 */
export async function signIn(session: HttpSession, email: string, password: string): Promise<boolean> {
  return (await signInAttempt(session, email, password)).signedIn;
}

/**
 * What signIn() does, with what the server said: the callback's status and redirect, and the
 * `code` Auth.js puts in that redirect when sign-in fails ("credentials" for a wrong password,
 * or the code of the error authorize() threw, e.g. "locked" from auth.ts).
 */
export async function signInAttempt(
  session: HttpSession,
  email: string,
  password: string,
): Promise<{ signedIn: boolean; status: number; location: string; code: string | null }> {
  const csrf = await session.request("GET", "/api/auth/csrf");
  const { csrfToken } = csrf.status === 200 ? (JSON.parse(csrf.body) as { csrfToken?: string }) : {};
  if (!csrfToken) return { signedIn: false, status: csrf.status, location: "", code: null };
  const callback = await session.request("POST", "/api/auth/callback/credentials", { form: { csrfToken, email, password } });
  const location = typeof callback.headers.location === "string" ? callback.headers.location : "";
  const code = location ? new URL(location, "http://localhost").searchParams.get("code") : null;
  const redirected = callback.status >= 300 && callback.status < 400;
  const signedIn = redirected && code === null && session.cookieNames().some((name) => name.endsWith("authjs.session-token"));
  return { signedIn, status: callback.status, location, code };
}
