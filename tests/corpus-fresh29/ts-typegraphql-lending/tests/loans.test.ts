import jwt from "jsonwebtoken";

jest.mock("../src/config", () => ({
  config: {
    jwt: { secret: "jest-signing-secret", audience: "toolshed-api", issuer: "https://auth.toolshed.test" },
    kioskKey: "",
    fines: { dailyCents: 50, graceDays: 2, capCents: 2500 },
    payments: { webhookSecret: "test" },
  },
}));
jest.mock("../src/data-source", () => ({ AppDataSource: { getRepository: jest.fn(), transaction: jest.fn() } }));

import { buildContext } from "../src/auth";
import type { Loan } from "../src/entities/Loan";
import { Role } from "../src/entities/Member";
import { computeFine } from "../src/services/loans";

function loan(dueAt: string, replacementCents = 9000): Loan {
  return { dueAt: new Date(dueAt), tool: { replacementCents } } as unknown as Loan;
}

describe("computeFine", () => {
  it("charges nothing for a loan that is not yet due", () => {
    expect(computeFine(loan("2024-06-10"), new Date("2024-06-09"), 2)).toBe(0);
  });

  it("caps the fine at the tool's replacement value", () => {
    expect(computeFine(loan("2024-01-01", 300), new Date("2024-06-01"), 2)).toBe(300);
  });

  it("rejects an unknown policy", () => {
    expect(() => computeFine(loan("2024-01-01"), new Date("2024-02-01"), 2, "weekly" as never)).toThrow(
      /unknown fine policy/,
    );
  });
});

describe("buildContext", () => {
  function req(headers: Record<string, string>) {
    return { headers, header: (name: string) => headers[name.toLowerCase()] } as never;
  }

  it("reads the member from a valid bearer token", async () => {
    const token = jwt.sign({ sub: "m-7", role: Role.MEMBER }, "jest-signing-secret", {
      audience: "toolshed-api",
      issuer: "https://auth.toolshed.test",
    });
    const ctx = await buildContext({ req: req({ authorization: `Bearer ${token}`, "x-request-id": "r1" }) });
    expect(ctx.user).toEqual({ id: "m-7", role: Role.MEMBER });
  });

  it("treats a token for another audience as anonymous", async () => {
    const token = jwt.sign({ sub: "m-7", role: Role.ADMIN }, "jest-signing-secret", { audience: "other-api" });
    const ctx = await buildContext({ req: req({ authorization: `Bearer ${token}`, "x-request-id": "r2" }) });
    expect(ctx.user).toBeUndefined();
  });
});
