import arg from "arg";
import { assertOperator, main, spec } from "../src/cli";

jest.mock("../src/scheduler", () => ({
  createScheduler: jest.fn(() => ({
    start: jest.fn(async () => undefined),
    run: jest.fn(async () => undefined),
    config: { jobs: [{ name: "send-digest" }, { name: "sync-crm" }] },
  })),
}));

describe("cli", () => {
  const original = process.env.OPERATOR_TOKEN;
  beforeEach(() => {
    process.env.OPERATOR_TOKEN = "test-operator-token";
  });
  afterAll(() => {
    process.env.OPERATOR_TOKEN = original;
  });

  it("parses repeatable --only flags", () => {
    const args = arg(spec, { argv: ["start", "--only", "send-digest", "--only", "sync-crm"] });
    expect(args["--only"]).toEqual(["send-digest", "sync-crm"]);
  });

  it("rejects run without an operator token", async () => {
    await expect(main(["run", "sync-crm"])).rejects.toThrow(/valid --token/);
  });

  it("accepts the operator token", () => {
    expect(() => assertOperator("test-operator-token")).not.toThrow();
  });

  it("lists jobs", async () => {
    const spy = jest.spyOn(console, "log").mockImplementation(() => undefined);
    await main(["list"]);
    spy.mockRestore();
  });

  it("returns 2 for an unknown command", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(main(["frobnicate"])).resolves.toBe(2);
  });
});
