import { action, query, redirect } from "@solidjs/router";
import { and, desc, eq } from "drizzle-orm";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createCheckout } from "./billing";
import { courses, db, enrollments, mailOutbox } from "./db";
import { log } from "./log";
import { sendMail } from "./mail";
import { requireUser } from "./session";

const CERTIFICATE_DIR = "/tmp/academy/certificates";

export async function listPublishedCourses(category?: string) {
  "use server";
  const filter = category
    ? and(eq(courses.published, true), eq(courses.category, category))
    : eq(courses.published, true);
  return db.select().from(courses).where(filter).orderBy(desc(courses.createdAt)).all();
}

export async function findCourse(slug: string) {
  "use server";
  const course = db.select().from(courses).where(eq(courses.slug, slug)).get();
  if (!course || !course.published) throw redirect("/courses");
  return course;
}

export async function enrollFn(formData: FormData) {
  "use server";
  const user = await requireUser();
  const courseId = Number(formData.get("courseId"));
  const course = db.select().from(courses).where(eq(courses.id, courseId)).get();
  if (!course || !course.published) {
    return new Error("This course is not open for enrollment");
  }

  if (course.priceCents > 0) {
    const checkout = await createCheckout({
      courseId: course.id,
      userId: user.id,
      priceCents: course.priceCents,
      currency: course.currency,
      email: user.email,
    });
    throw redirect(checkout.url);
  }

  db.insert(enrollments).values({ userId: user.id, courseId: course.id }).onConflictDoNothing().run();

  const message = {
    to: user.email,
    subject: `You're enrolled in ${course.title}`,
    text: `Hi ${user.name},\n\nYou can start "${course.title}" any time from your dashboard.\n`,
  };
  try {
    await sendMail(message);
  } catch (err) {
    log.warn("enrollment mail failed; queued for retry", { userId: user.id, error: String(err) });
    db.insert(mailOutbox).values({ to: message.to, subject: message.subject, body: message.text }).run();
  }
  throw redirect(`/courses/${course.slug}`);
}

function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderCertificate(name: string, courseTitle: string, issuedAt: Date) {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Certificate</title></head>
<body class="certificate">
  <h1>Certificate of completion</h1>
  <p>${escapeHtml(name)} completed <strong>${escapeHtml(courseTitle)}</strong></p>
  <p>Issued ${issuedAt.toISOString().slice(0, 10)}</p>
</body></html>`;
}

export async function issueCertificate(enrollmentId: number, name: string, courseTitle: string) {
  const issuedAt = new Date();
  await mkdir(CERTIFICATE_DIR, { recursive: true });
  const file = join(CERTIFICATE_DIR, `${enrollmentId}.html`);
  await writeFile(file, renderCertificate(name, courseTitle, issuedAt), "utf8");
  db.update(enrollments)
    .set({ certificatePath: file, completedAt: issuedAt })
    .where(eq(enrollments.id, enrollmentId))
    .run();
  log.info("certificate issued", { enrollmentId });
  return file;
}

export async function loadCertificate(path: string) {
  return readFile(path, "utf8");
}

export async function completeCourseFn(formData: FormData) {
  "use server";
  const user = await requireUser();
  const courseId = Number(formData.get("courseId"));
  const row = db
    .select({ enrollment: enrollments, course: courses })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(and(eq(enrollments.userId, user.id), eq(enrollments.courseId, courseId)))
    .get();
  if (!row || row.enrollment.status !== "active") {
    return new Error("You are not enrolled in this course");
  }
  if (!row.enrollment.certificatePath) {
    await issueCertificate(row.enrollment.id, user.name, row.course.title);
  }
  return { enrollmentId: row.enrollment.id };
}

export const getCourses = query(listPublishedCourses, "courses");
export const getCourse = query(findCourse, "course");
export const enroll = action(enrollFn, "enroll");
export const completeCourse = action(completeCourseFn, "complete-course");
