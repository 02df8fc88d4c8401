import functionsTest from "firebase-functions-test";

jest.mock("../src/lib/admin", () => ({
  auth: {
    getUser: jest.fn().mockResolvedValue({ email: "ana@example.org", customClaims: {} }),
    setCustomUserClaims: jest.fn(),
  },
  storage: { bucket: jest.fn() },
  clinics: {
    where: jest.fn(() => ({
      get: jest.fn().mockResolvedValue({
        docs: [{ id: "lindenhof", get: (k: string) => ({ name: "Praxis Lindenhof", timezone: "Europe/Berlin" })[k] }],
      }),
    })),
  },
  bookings: {},
  db: {},
}));

jest.mock("../src/data/bookings", () => ({
  bookingsForClinic: jest.fn(),
  bookingsForDay: jest.fn().mockResolvedValue([
    { id: "bk_9", patientId: "patient-1", slotStart: { toDate: () => new Date("2030-03-04T08:20:00Z") } },
  ]),
  completedBefore: jest.fn().mockResolvedValue([]),
  writeAudit: jest.fn(),
}));

import { setMailerForTests } from "../src/lib/mailer";
import { setStaffRole, toCsv } from "../src/callable/staff";
import { sendReminders } from "../src/scheduled";

const fft = functionsTest({ projectId: "demo-clinicbook" });
afterAll(() => fft.cleanup());

describe("toCsv", () => {
  it("quotes every cell", () => {
    const csv = toCsv([
      { id: "bk_1", reason: 'says "urgent"', status: "paid" },
      { id: "bk_2", reason: "", status: "cancelled" },
    ]);
    expect(csv).toMatchSnapshot();
  });
});

describe("setStaffRole", () => {
  it("is refused for reception staff", async () => {
    const wrapped = fft.wrap(setStaffRole);
    await expect(
      wrapped({ data: { uid: "u2", role: "admin" }, auth: { uid: "u1", token: { role: "reception" } } } as never),
    ).rejects.toMatchObject({ code: "permission-denied" });
  });
});

describe("sendReminders", () => {
  it("sends reminders for tomorrow's bookings", async () => {
    const send = jest.fn().mockResolvedValue(undefined);
    setMailerForTests({ send });
    process.env.REMINDER_HOURS_AHEAD = "24";
    await sendReminders.run({ scheduleTime: new Date().toISOString(), jobName: "sendReminders" });
    expect(send).toBeDefined();
  });
});
