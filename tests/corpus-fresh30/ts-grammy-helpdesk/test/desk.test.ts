import { beforeEach, describe, expect, it, vi } from "vitest";

const fetchMock = vi.fn();
vi.mock("undici", () => ({
  Agent: vi.fn(),
  fetch: (...args: unknown[]) => fetchMock(...args),
}));

const { DeskClient } = await import("../src/services/desk.js");
const { HTTPError } = await import("ky");

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

describe("DeskClient", () => {
  const client = new DeskClient({ baseUrl: "https://desk.test/", token: "test-token" });

  beforeEach(() => {
    fetchMock.mockReset();
  });

  it("creates a ticket with telegram tags", async () => {
    fetchMock.mockResolvedValueOnce(
      json(201, { ticket: { id: "D-1", status: "new", subject: "Login", url: "https://desk.test/t/D-1" } }),
    );

    const ticket = await client.createTicket({
      subject: "Login",
      description: "cannot log in",
      category: "access",
      requesterName: "Ana",
      requesterExternalId: "tg:1",
    });

    expect(ticket.id).toBe("D-1");
    const request = fetchMock.mock.calls[0]![0] as Request;
    expect(request.url).toBe("https://desk.test/api/v2/tickets");
    expect(await request.json()).toMatchInlineSnapshot(`
      {
        "ticket": {
          "comment": {
            "body": "cannot log in",
          },
          "requester": {
            "external_id": "tg:1",
            "name": "Ana",
          },
          "subject": "Login",
          "tags": [
            "cat_access",
            "telegram",
          ],
        },
      }
    `);
  });

  it("surfaces validation errors from the desk", async () => {
    fetchMock.mockResolvedValueOnce(json(422, { error: "subject too long" }));
    await expect(
      client.createTicket({
        subject: "x".repeat(500),
        description: "",
        category: "other",
        requesterName: "Ana",
        requesterExternalId: "tg:1",
      }),
    ).rejects.toBeInstanceOf(HTTPError);
  });

  it("sends status changes", async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await client.setStatus("D-9", "solved");
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
