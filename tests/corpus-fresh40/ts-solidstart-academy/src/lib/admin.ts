import { action, query } from "@solidjs/router";
import { count, desc, eq } from "drizzle-orm";
import { refundCharge } from "./billing";
import { auditLog, courses, db, enrollments, payments, users } from "./db";
import { log } from "./log";
import { requireAdmin } from "./session";

export async function recordAudit(
  actorId: number | null,
  action: string,
  subject: string,
  detail: Record<string, unknown> = {},
) {
  db.insert(auditLog).values({ actorId, action, subject, detail }).run();
  log.info("audit", { actorId, action, subject });
}

export function recentAudit(limit = 50) {
  return db.select().from(auditLog).orderBy(desc(auditLog.createdAt)).limit(limit).all();
}

export async function adminOverviewFn() {
  "use server";
  await requireAdmin();
  const [students] = db.select({ n: count() }).from(users).where(eq(users.role, "student")).all();
  const drafts = db.select().from(courses).where(eq(courses.published, false)).all();
  return { students: students?.n ?? 0, drafts, audit: recentAudit(20) };
}

export async function unpublishCourseFn(formData: FormData) {
  "use server";
  const admin = await requireAdmin();
  const courseId = Number(formData.get("courseId"));
  db.update(courses).set({ published: false }).where(eq(courses.id, courseId)).run();
  await recordAudit(admin.id, "course.unpublish", `course:${courseId}`).catch(() => {});
  return { ok: true };
}

export async function refundEnrollmentFn(formData: FormData) {
  "use server";
  const admin = await requireAdmin();
  const enrollmentId = Number(formData.get("enrollmentId"));
  const amountCents = Math.round(Number(formData.get("amount")) * 100);
  const reason = String(formData.get("reason") ?? "requested_by_customer");
  const payment = db.select().from(payments).where(eq(payments.enrollmentId, enrollmentId)).get();
  if (!payment) return new Error("No payment recorded for this enrollment");
  if (!Number.isFinite(amountCents) || amountCents <= 0 || amountCents > payment.amountCents - payment.refundedCents) {
    return new Error("Refund amount is out of range");
  }

  try {
    await refundCharge(payment.chargeId, amountCents, reason);
  } catch (err) {
    log.error("refund failed", { enrollmentId, error: String(err) });
    throw err;
  }
  const refunded = payment.refundedCents + amountCents;
  db.update(payments)
    .set({ refundedCents: refunded, status: refunded >= payment.amountCents ? "refunded" : "partially_refunded" })
    .where(eq(payments.id, payment.id))
    .run();
  if (refunded >= payment.amountCents) {
    db.update(enrollments).set({ status: "refunded" }).where(eq(enrollments.id, enrollmentId)).run();
  }
  await recordAudit(admin.id, "enrollment.refund", `enrollment:${enrollmentId}`, { amountCents, reason });
  return { ok: true };
}

export async function grantCourseAccessFn(formData: FormData) {
  "use server";
  const email = String(formData.get("email") ?? "")
    .trim()
    .toLowerCase();
  const courseId = Number(formData.get("courseId"));
  const user = db.select().from(users).where(eq(users.email, email)).get();
  if (!user) return new Error(`No account for ${email}`);
  db.insert(enrollments)
    .values({ userId: user.id, courseId, status: "active" })
    .onConflictDoUpdate({ target: [enrollments.userId, enrollments.courseId], set: { status: "active" } })
    .run();
  await recordAudit(null, "enrollment.grant", `course:${courseId}`, { email });
  return { ok: true };
}

export async function exportCertificatesFn() {
  "use server";
  await requireAdmin();
  throw new Error("Bulk certificate export is not available yet");
}

export const getAdminOverview = query(adminOverviewFn, "admin-overview");
export const unpublishCourse = action(unpublishCourseFn, "admin-unpublish");
export const refundEnrollment = action(refundEnrollmentFn, "admin-refund");
export const grantCourseAccess = action(grantCourseAccessFn, "admin-grant");
export const exportCertificates = action(exportCertificatesFn, "admin-export-certificates");
