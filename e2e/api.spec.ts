// The JSON quiz API against the real server and its SQLite database.
import type { APIRequestContext, Browser } from "@playwright/test";
import { asShown, rightResponse } from "../tooling/answers";
import { bank } from "./support/bank";
import { expect, signUp, test, uniqueEmail } from "./support/fixtures";

async function student(browser: Browser): Promise<{ api: APIRequestContext; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, { name: "API Student", email: uniqueEmail("api"), password: "answers over the wire", role: "Student" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.close();
  return { api: context.request, close: () => context.close() };
}

test("a quiz driven through the API: start, answer, retry, conflict, finish", async ({ browser }) => {
  const { api, close } = await student(browser);
  try {
    const started = await api.post("/api/v1/attempts", { data: { kind: "PHASE", scopeId: "phase-institutional" } });
    expect(started.status()).toBe(201);
    const { attempt } = await started.json();
    expect(JSON.stringify(attempt)).not.toMatch(/"answer"|"explanation"/);
    const resumed = await api.post("/api/v1/attempts", { data: { kind: "PHASE", scopeId: "phase-institutional" } });
    expect(resumed.status()).toBe(200);
    expect((await resumed.json()).attempt.id).toBe(attempt.id);

    type Shown = Parameters<typeof asShown>[1] & { id: string };
    const shown: Shown[] = attempt.items.map((i: { question: Shown }) => i.question);
    const ids = shown.map((q) => q.id);
    for (const [index, id] of ids.entries()) {
      const question = bank.find((q) => q.id === id);
      if (!question) throw new Error(id);
      // Option ids are this attempt's tokens: the answer is picked by the text the API showed.
      const answer = await api.put(`/api/v1/attempts/${attempt.id}/answers/${id}`, {
        data: { response: asShown(question, shown[index]!, rightResponse(question)) },
      });
      expect(answer.status()).toBe(201);
      const body = await answer.json();
      expect(body.item.result).toMatchObject({ correct: true, score: 1 });
      expect(body.item.question.explanation).toBe(question.explanation);
    }
    const first = bank.find((q) => q.id === ids[0]);
    if (!first) throw new Error("no question");
    const retry = await api.put(`/api/v1/attempts/${attempt.id}/answers/${first.id}`, { data: { response: asShown(first, shown[0]!, rightResponse(first)) } });
    expect(retry.status()).toBe(200);
    expect((await retry.json()).recorded).toBe(false);

    const finish = await api.post(`/api/v1/attempts/${attempt.id}/finish`);
    expect(finish.status()).toBe(200);
    expect((await finish.json()).score).toBe(1);
    const late = await api.put(`/api/v1/attempts/${attempt.id}/answers/${first.id}`, { data: { response: { type: "true-false", value: true } } });
    expect(late.status()).toBe(409);
    expect((await late.json()).error.code).toBe("conflict");
  } finally {
    await close();
  }
});

test("another student's attempt is indistinguishable from a missing one", async ({ browser }) => {
  const owner = await student(browser);
  const other = await student(browser);
  try {
    const { attempt } = await (await owner.api.post("/api/v1/attempts", { data: { kind: "MIXED", scopeId: null } })).json();
    const questionId = attempt.items[0].question.id;
    const theirs = await other.api.put(`/api/v1/attempts/${attempt.id}/answers/${questionId}`, { data: { response: { type: "true-false", value: true } } });
    const missing = await other.api.put(`/api/v1/attempts/nope/answers/${questionId}`, { data: { response: { type: "true-false", value: true } } });
    expect(theirs.status()).toBe(404);
    expect(missing.status()).toBe(404);
    expect(await theirs.json()).toEqual(await missing.json());
    expect((await other.api.get(`/api/v1/attempts/${attempt.id}`)).status()).toBe(404);
    expect((await other.api.post(`/api/v1/attempts/${attempt.id}/finish`)).status()).toBe(404);
  } finally {
    await owner.close();
    await other.close();
  }
});

test("malformed requests get a 4xx with a stable code and a message, never a 500", async ({ browser }) => {
  const { api, close } = await student(browser);
  try {
    const { attempt } = await (await api.post("/api/v1/attempts", { data: { kind: "MIXED", scopeId: null } })).json();
    const url = `/api/v1/attempts/${attempt.id}/answers/${attempt.items[0].question.id}`;
    const cases: {
      name: string;
      send: () => Promise<{ status: () => number; json: () => Promise<{ error: { code: string; message: string } }> }>;
      status: number;
      code: string;
    }[] = [
      {
        name: "not JSON",
        send: () => api.put(url, { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") }),
        status: 400,
        code: "invalid_json",
      },
      {
        name: "wrong content type",
        send: () => api.put(url, { headers: { "content-type": "text/plain" }, data: "hello" }),
        status: 415,
        code: "unsupported_media_type",
      },
      { name: "missing field", send: () => api.put(url, { data: {} }), status: 400, code: "invalid_input" },
      {
        name: "extra field",
        send: () => api.put(url, { data: { response: { type: "true-false", value: true }, admin: true } }),
        status: 400,
        code: "invalid_input",
      },
      { name: "wrong type", send: () => api.put(url, { data: { response: { type: "single", choice: 42 } } }), status: 400, code: "invalid_input" },
      {
        name: "huge body",
        send: () => api.put(url, { data: { response: { type: "single", choice: "x".repeat(100_000) } } }),
        status: 413,
        code: "invalid_input",
      },
      { name: "unknown kind", send: () => api.post("/api/v1/attempts", { data: { kind: "EVERYTHING" } }), status: 400, code: "invalid_input" },
      { name: "unknown lesson", send: () => api.post("/api/v1/attempts", { data: { kind: "LESSON", scopeId: "nope" } }), status: 400, code: "invalid_input" },
      { name: "wrong method", send: () => api.post(url, { data: { response: { type: "true-false", value: true } } }), status: 405, code: "method_not_allowed" },
    ];
    for (const c of cases) {
      const response = await c.send();
      expect(response.status(), c.name).toBe(c.status);
      const body = await response.json();
      expect(body.error.code, c.name).toBe(c.code);
      expect(body.error.message.length, c.name).toBeGreaterThan(5);
      expect(JSON.stringify(body), c.name).not.toMatch(/at .*\.(js|ts):\d+/);
    }
    // A wrong method names the right one, in the message and in Allow.
    const wrongMethod = await api.delete(`/api/v1/attempts/${attempt.id}`);
    expect(wrongMethod.headers().allow).toBe("GET, HEAD, OPTIONS");
    expect((await wrongMethod.json()).error.message).toBe("This address only takes GET requests.");
    const view = await (await api.get(`/api/v1/attempts/${attempt.id}`)).json();
    expect(view.items.every((item: { status: string }) => item.status === "open")).toBe(true);
  } finally {
    await close();
  }
});

test("the OpenAPI document describes the quiz endpoints from the same schemas", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = await response.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(["/api/v1/attempts", "/api/v1/attempts/{attemptId}/answers/{questionId}", "/api/v1/attempts/{attemptId}/finish"]),
  );
  expect(doc.components.schemas.AnswerRequest.properties.response).toBeDefined();
  expect(doc.components.schemas.StartAttemptRequest.properties.kind.$ref ?? doc.components.schemas.StartAttemptRequest.properties.kind.enum).toBeDefined();
});

test("the API refuses anonymous callers with 401", async ({ request }) => {
  const response = await request.post("/api/v1/attempts", { data: { kind: "MIXED", scopeId: null } });
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe("unauthenticated");
});
