import "reflect-metadata";
import { graphql, printSchema, type ExecutionResult, type GraphQLSchema } from "graphql";

jest.mock("../src/config", () => ({
  config: {
    jwt: { secret: "jest-signing-secret", audience: "toolshed-api", issuer: "https://auth.toolshed.test" },
    kioskKey: "",
    fines: { dailyCents: 50, graceDays: 2, capCents: 2500 },
    exportDir: "var/test-exports",
    payments: { baseUrl: "http://paymo.test", apiKey: "test", webhookSecret: "test" },
  },
}));

const repo = {
  find: jest.fn(),
  findOne: jest.fn(),
  findOneBy: jest.fn(),
  findOneByOrFail: jest.fn(),
  countBy: jest.fn(async () => 0),
  create: jest.fn((x: unknown) => x),
  save: jest.fn(async (x: unknown) => x),
  insert: jest.fn(async () => undefined),
};

jest.mock("../src/data-source", () => ({
  AppDataSource: { getRepository: () => repo, transaction: jest.fn() },
}));
jest.mock("../src/services/payments", () => ({
  payments: { chargeFine: jest.fn(), refund: jest.fn(async () => undefined) },
}));

import { Role } from "../src/entities/Member";
import { createSchema } from "../src/schema";
import { payments } from "../src/services/payments";

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await createSchema();
});

beforeEach(() => jest.clearAllMocks());

const member = { id: "m-1", role: Role.MEMBER };
const librarian = { id: "l-1", role: Role.LIBRARIAN };

function run(source: string, user?: { id: string; role: Role }, variableValues?: Record<string, unknown>) {
  return graphql({ schema, source, variableValues, contextValue: { user, requestId: "test" } });
}

function expectAccessDenied(result: ExecutionResult) {
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].message).toMatch(/Access denied/);
}

describe("schema", () => {
  it("keeps the published SDL stable", () => {
    expect(printSchema(schema)).toMatchSnapshot();
  });
});

describe("catalogue", () => {
  it("is readable without signing in", async () => {
    repo.find.mockResolvedValueOnce([{ id: "t-1", name: "Drill", category: "power", loanDays: 7, replacementCents: 9000, retired: false }]);
    const result = await run("{ catalogue { id name available } }");
    expect(result.errors).toBeUndefined();
    expect(result.data?.catalogue).toEqual([{ id: "t-1", name: "Drill", available: true }]);
  });
});

describe("librarian mutations", () => {
  it("refuses addTool to ordinary members", async () => {
    const result = await run(
      'mutation { addTool(input: { name: "Saw", category: "hand", replacementCents: 2000 }) { id } }',
      member,
    );
    expectAccessDenied(result);
  });

  it("refunds the charge when a fine is waived", async () => {
    repo.findOneByOrFail.mockResolvedValueOnce({ id: "loan-1", fineCents: 350 });
    await run('mutation { waiveFine(loanId: "loan-1", chargeId: "ch_1", reason: "lost in post") { id fineCents } }', librarian);
    expect(payments.refund).toHaveBeenCalledWith("ch_1", "lost in post");
  });
});

describe("loans", () => {
  it("extends a loan by a week", async () => {
    repo.findOneByOrFail.mockResolvedValueOnce({ id: "loan-2", memberId: "m-1", extensions: 0, dueAt: new Date("2024-05-01") });
    await run('mutation { extendLoan(loanId: "loan-2", days: 7) { id dueAt extensions } }', member);
  });

  it("hides another member's email", async () => {
    repo.findOneByOrFail.mockResolvedValueOnce({ id: "m-1", displayName: "Ana", email: "ana@example.org", role: Role.MEMBER });
    const result = await run("{ me { id email } }", { id: "m-2", role: Role.MEMBER });
    expect(result.data?.me).toEqual({ id: "m-1", email: null });
  });
});
