import { CredentialsSignin } from "next-auth";
import { MissingCSRF, JWTSessionError } from "@auth/core/errors";
import { describe, expect, it } from "vitest";
import { describeAuthError } from "./logger";

describe("describeAuthError", () => {
  it("turns a wrong password and a missing CSRF token into one expected line", () => {
    expect(describeAuthError(new CredentialsSignin())).toEqual({ expected: true, line: "[auth] refused: CredentialsSignin" });
    expect(describeAuthError(new MissingCSRF("no token"))).toEqual({ expected: true, line: "[auth] refused: MissingCSRF" });
  });

  it("keeps every other failure an error with its message", () => {
    expect(describeAuthError(new JWTSessionError("bad token"))).toEqual({
      expected: false,
      line: expect.stringMatching(/^\[auth\]\[error\] JWTSessionError: bad token/),
    });
    expect(describeAuthError(new TypeError("boom"))).toEqual({ expected: false, line: "[auth][error] TypeError: boom" });
  });
});
