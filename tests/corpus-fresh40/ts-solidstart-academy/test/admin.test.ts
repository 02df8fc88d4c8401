import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { exportCertificatesFn, refundEnrollmentFn, unpublishCourseFn } from "~/lib/admin";
import { refundCharge } from "~/lib/billing";
import { renderCertificate } from "~/lib/courses";
import { db, enrollments, payments } from "~/lib/db";
import { expectRedirect, form, seedCourse, seedUser, signIn } from "./helpers";

vi.mock("~/lib/billing", () => ({
  createCheckout: vi.fn(),
  refundCharge: vi.fn(async () => ({ id: "re_1", status: "succeeded" })),
}));

function seedPaidEnrollment(amountCents = 4900) {
  const student = seedUser();
  const course = seedCourse({ priceCents: amountCents });
  const enrollment = db.insert(enrollments).values({ userId: student.id, courseId: course.id }).returning().get();
  db.insert(payments)
    .values({
      providerEventId: `evt_${enrollment.id}`,
      chargeId: `ch_${enrollment.id}`,
      enrollmentId: enrollment.id,
      amountCents,
      currency: "eur",
      status: "succeeded",
    })
    .run();
  return enrollment;
}

describe("admin server functions", () => {
  it("sends students back to the home page", async () => {
    signIn(seedUser("student"));
    await expectRedirect(unpublishCourseFn(form({ courseId: 1 })), "/");
  });

  it("refunds part of a payment and keeps the enrollment", async () => {
    signIn(seedUser("admin"));
    const enrollment = seedPaidEnrollment();

    await refundEnrollmentFn(form({ enrollmentId: enrollment.id, amount: "15.00", reason: "duplicate" }));

    expect(refundCharge).toHaveBeenCalledWith(`ch_${enrollment.id}`, 1500, "duplicate");
    const payment = db.select().from(payments).where(eq(payments.enrollmentId, enrollment.id)).get();
    expect(payment).toMatchObject({ refundedCents: 1500, status: "partially_refunded" });
  });

  it("refuses a refund larger than the payment", async () => {
    signIn(seedUser("admin"));
    const enrollment = seedPaidEnrollment(1000);

    const result = await refundEnrollmentFn(form({ enrollmentId: enrollment.id, amount: "25.00" }));

    expect(result).toBeInstanceOf(Error);
    expect(refundCharge).not.toHaveBeenCalledWith(`ch_${enrollment.id}`, 2500, expect.anything());
  });

  it("tells admins that bulk export is unavailable", async () => {
    signIn(seedUser("admin"));
    await expect(exportCertificatesFn()).rejects.toThrow(/not available/);
  });

  it("escapes names on certificates", () => {
    expect(renderCertificate("Ada <Lovelace>", "Intro to Solid", new Date("2025-03-01T00:00:00Z"))).toMatchInlineSnapshot(`
      "<!doctype html>
      <html><head><meta charset="utf-8"><title>Certificate</title></head>
      <body class="certificate">
        <h1>Certificate of completion</h1>
        <p>Ada &#60;Lovelace&#62; completed <strong>Intro to Solid</strong></p>
        <p>Issued 2025-03-01</p>
      </body></html>"
    `);
  });
});
