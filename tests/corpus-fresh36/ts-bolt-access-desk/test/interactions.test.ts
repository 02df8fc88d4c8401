import { approve } from "../src/listeners/interactions";
import { homeView } from "../src/listeners/views";
import { requireRole } from "../src/middleware";
import type { AccessRequest } from "../src/db";
import { expectEphemeral, testConfig } from "./helpers";

const pending: AccessRequest = {
  id: 41,
  team_id: "T1",
  requester_id: "U_REQ",
  requester_email: "req@example.com",
  system: "billing-db",
  access_role: "read-only",
  duration_hours: 4,
  reason: "INC-2291 reconcile failed invoices",
  status: "pending",
  decided_by: null,
  grant_ref: null,
  created_at: new Date("2024-06-01T10:00:00Z"),
  expires_at: null,
};

function deps() {
  return {
    config: testConfig,
    store: {
      getRequest: jest.fn().mockResolvedValue(pending),
      decide: jest.fn().mockResolvedValue({ ...pending, status: "approved" }),
      audit: jest.fn().mockResolvedValue(undefined),
    },
    provisioner: {
      grantAccess: jest.fn().mockResolvedValue({ grantRef: "g-77", system: "billing-db" }),
      revokeAccess: jest.fn(),
    },
    directory: {},
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  } as any;
}

function buttonArgs(userId: string) {
  return {
    ack: jest.fn(),
    respond: jest.fn(),
    client: { chat: { postMessage: jest.fn() } },
    body: { team: { id: "T1" }, user: { id: userId } },
    action: { value: "41" },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  } as any;
}

describe("approve", () => {
  it("approves a pending request", async () => {
    const d = deps();
    const args = buttonArgs("U_APPROVER");
    await approve(d)(args);
  });

  it("refuses self-approval", async () => {
    const d = deps();
    const args = buttonArgs("U_REQ");
    await approve(d)(args);
    expectEphemeral(args.respond, /own request/);
    expect(d.provisioner.grantAccess).not.toHaveBeenCalled();
  });
});

describe("requireRole", () => {
  it("stops members at approver actions", async () => {
    const next = jest.fn();
    const respond = jest.fn();
    const ack = jest.fn();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await requireRole("approver")({ context: { role: "member" }, next, respond, ack, logger: { warn: jest.fn() } } as any);
    expect(next).not.toHaveBeenCalled();
    expectEphemeral(respond, /approver role/);
  });
});

describe("homeView", () => {
  it("renders the requester's history", () => {
    expect(homeView([{ ...pending, status: "approved", expires_at: new Date("2024-06-01T14:00:00Z") }])).toMatchSnapshot();
  });
});
