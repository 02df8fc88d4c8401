import { buildYoga } from "../src/server";
import * as db from "../src/lib/db";
import * as members from "../src/services/members";
import { expectForbidden, gql, tokenFor } from "./helpers";

jest.mock("../src/lib/db");
jest.mock("../src/services/members");
jest.mock("../src/services/billing", () => ({
  changePlan: jest.fn(),
  cancelCustomer: jest.fn(async () => undefined),
}));

const mockedDb = jest.mocked(db);
const mockedMembers = jest.mocked(members);

describe("workspace graph", () => {
  const yoga = buildYoga();

  beforeEach(() => {
    jest.resetAllMocks();
  });

  it("answers health without a token", async () => {
    const res = await gql(yoga, "{ health }");
    expect(res.data).toEqual({ health: "ok" });
  });

  it("rejects anonymous project listing", async () => {
    const res = await gql(yoga, "{ projects { id } }");
    expectForbidden(res);
  });

  it("lists projects for the viewer's org", async () => {
    mockedDb.listProjects.mockResolvedValue([
      { id: "p1", orgId: "org_1", name: "Alpha", archivedAt: null, createdAt: new Date(0) },
    ]);
    const res = await gql(yoga, "{ projects(first: 5) { id name } }", {}, tokenFor("member"));
    expect(res.data.projects).toMatchSnapshot();
  });

  it("only owners may delete the organisation", async () => {
    const res = await gql(
      yoga,
      'mutation { deleteOrganization(confirm: "org_1") }',
      {},
      tokenFor("admin"),
    );
    expectForbidden(res);
    expect(mockedDb.deleteOrganization).not.toHaveBeenCalled();
  });

  it("invites a member", async () => {
    mockedMembers.inviteMember.mockResolvedValue({ userId: "", email: "a@b.co", role: "member" });
    await gql(
      yoga,
      'mutation { inviteMember(email: "a@b.co", role: "member") { email role } }',
      {},
      tokenFor("admin"),
    );
  });

  it("rejects short project names", async () => {
    const res = await gql(yoga, 'mutation { createProject(name: "x") { id } }', {}, tokenFor("member"));
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
