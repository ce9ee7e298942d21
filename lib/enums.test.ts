import { describe, expect, it } from "vitest";
import * as postgres from "./generated/postgres/enums";
import * as sqlite from "./generated/sqlite/enums";
import * as enums from "./enums";

describe("lib/enums", () => {
  it("re-exports every enum of the schema", () => {
    expect(Object.keys(enums).sort()).toEqual(Object.keys(sqlite).sort());
  });

  it("is the same for both database clients, so either may serve the app", () => {
    expect(postgres).toEqual(sqlite);
  });
});
