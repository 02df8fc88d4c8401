import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/auth", () => ({
  auth: vi.fn(),
  roleOf: (s: { user?: { role?: string } } | null) => s?.user?.role,
}));
vi.mock("@/lib/appointments", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/appointments")>();
  return {
    ...actual,
    listAppointments: vi.fn(),
    createAppointment: vi.fn(),
    getAppointment: vi.fn(),
    cancelAppointment: vi.fn(),
    recordAudit: vi.fn().mockResolvedValue(undefined),
  };
});

import { auth } from "@/auth";
import * as appts from "@/lib/appointments";
import { GET, POST } from "@/app/api/appointments/route";
import { DELETE } from "@/app/api/appointments/[id]/route";

const mockedAuth = vi.mocked(auth as unknown as () => Promise<unknown>);
const patient = { user: { id: "p-1", role: "patient" } };

async function expectJsonError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error?: string };
  expect(body.error).toBe(code);
}

function jsonRequest(url: string, method: string, body?: unknown) {
  return new Request(url, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe("GET /api/appointments", () => {
  it("rejects anonymous callers", async () => {
    mockedAuth.mockResolvedValue(null);
    const res = await GET(new Request("http://test/api/appointments"));
    await expectJsonError(res, 401, "unauthorized");
  });

  it("lists appointments for the signed-in patient", async () => {
    mockedAuth.mockResolvedValue(patient);
    vi.mocked(appts.listAppointments).mockResolvedValue([]);
    const res = await GET(new Request("http://test/api/appointments?status=booked&limit=10"));
    await res.json();
  });
});

describe("POST /api/appointments", () => {
  it("maps slot clashes to 409", async () => {
    mockedAuth.mockResolvedValue(patient);
    vi.mocked(appts.createAppointment).mockRejectedValue(
      new appts.SlotTakenError("c-1", new Date("2024-06-03T09:00:00Z")),
    );
    const res = await POST(
      jsonRequest("http://test/api/appointments", "POST", {
        clinicianId: "0c7c5f0e-4d3b-4d4b-9a7e-3c1f2b6a9d10",
        startsAt: "2024-06-03T09:00:00Z",
        durationMinutes: 30,
      }),
    );
    await expectJsonError(res, 409, "slot_taken");
  });

  it("validates the body", async () => {
    mockedAuth.mockResolvedValue(patient);
    const res = await POST(jsonRequest("http://test/api/appointments", "POST", { durationMinutes: 5 }));
    expect(res.status).toBe(422);
    expect(appts.createAppointment).not.toHaveBeenCalled();
  });
});

describe("DELETE /api/appointments/:id", () => {
  it("hides other patients' appointments", async () => {
    mockedAuth.mockResolvedValue(patient);
    vi.mocked(appts.getAppointment).mockResolvedValue({
      id: "a-9",
      patientId: "p-2",
      clinicianId: "c-1",
      startsAt: "2024-06-03T09:00:00Z",
      endsAt: "2024-06-03T09:30:00Z",
      status: "booked",
      notes: null,
    });
    const res = await DELETE(new Request("http://test/api/appointments/a-9", { method: "DELETE" }), {
      params: { id: "a-9" },
    });
    expect(res.status).toBe(404);
    expect(appts.cancelAppointment).not.toHaveBeenCalled();
  });
});
