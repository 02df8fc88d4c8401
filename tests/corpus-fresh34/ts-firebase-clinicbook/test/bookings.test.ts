import functionsTest from "firebase-functions-test";

jest.mock("../src/lib/admin", () => {
  const clinicDoc = {
    get: jest.fn().mockResolvedValue({
      data: () => ({ name: "Praxis Lindenhof", timezone: "Europe/Berlin", openingHour: 8, closingHour: 12, slotMinutes: 20, active: true }),
    }),
  };
  return {
    clinics: { doc: jest.fn(() => clinicDoc) },
    db: { getAll: jest.fn().mockResolvedValue([]), collection: jest.fn(() => ({ doc: jest.fn((id: string) => ({ id })) })) },
    bookings: {},
    audit: {},
  };
});

jest.mock("../src/data/bookings", () => ({
  SlotTakenError: class SlotTakenError extends Error {},
  createBooking: jest.fn().mockResolvedValue("bk_1001"),
  cancelBooking: jest.fn().mockResolvedValue(undefined),
  getBooking: jest.fn(),
  listForPatient: jest.fn(),
  moveBooking: jest.fn(),
  writeAudit: jest.fn().mockResolvedValue(undefined),
}));

jest.mock("../src/lib/insurer", () => ({
  checkEligibility: jest.fn().mockResolvedValue({ covered: true, copayCents: 1000 }),
}));

import * as data from "../src/data/bookings";
import { cancelBooking, createBooking, listMyBookings } from "../src/callable/bookings";

const fft = functionsTest({ projectId: "demo-clinicbook" });

afterAll(() => fft.cleanup());

const patient = { uid: "patient-1", token: { email: "ana@example.org" } } as never;
const tomorrow = new Date(Date.now() + 86_400_000).toISOString();

describe("createBooking", () => {
  it("creates a booking for the signed-in patient", async () => {
    const wrapped = fft.wrap(createBooking);
    await wrapped({
      data: { clinicId: "lindenhof", practitionerId: "dr-weber", slotStart: tomorrow, reason: "check-up" },
      auth: patient,
    } as never);
  });

  it("refuses anonymous callers", async () => {
    const wrapped = fft.wrap(createBooking);
    await expect(
      wrapped({ data: { clinicId: "lindenhof", practitionerId: "dr-weber", slotStart: tomorrow } } as never),
    ).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("cancelBooking", () => {
  it("rejects cancellation by another patient", async () => {
    (data.getBooking as jest.Mock).mockResolvedValue({
      patientId: "patient-2",
      practitionerId: "dr-weber",
      status: "confirmed",
      slotStart: { toDate: () => new Date(tomorrow) },
    });
    const wrapped = fft.wrap(cancelBooking);
    await expect(wrapped({ data: { bookingId: "bk_1" }, auth: patient } as never)).rejects.toThrow(/someone else/);
    expect(data.cancelBooking).not.toHaveBeenCalled();
  });
});

describe("listMyBookings", () => {
  it("maps timestamps to ISO strings", async () => {
    (data.listForPatient as jest.Mock).mockResolvedValue([
      { id: "bk_2", clinicId: "lindenhof", practitionerId: "dr-weber", status: "paid", slotStart: { toDate: () => new Date("2030-01-02T09:00:00Z") } },
    ]);
    const wrapped = fft.wrap(listMyBookings);
    const result = await wrapped({ data: { limit: 5 }, auth: patient } as never);
    expect(result.bookings).toEqual([
      { id: "bk_2", clinicId: "lindenhof", practitionerId: "dr-weber", slotStart: "2030-01-02T09:00:00.000Z", status: "paid" },
    ]);
    expect(data.listForPatient).toHaveBeenCalledWith("patient-1", 5);
  });
});
