import type { APIEvent } from "@solidjs/start/server";
import { eq } from "drizzle-orm";
import { db, enrollments } from "~/lib/db";
import { log } from "~/lib/log";
import { currentUser } from "~/lib/session";

function findEnrollment(id: number) {
  return db.select().from(enrollments).where(eq(enrollments.id, id)).get();
}

export async function GET({ params }: APIEvent) {
  const user = await currentUser();
  if (!user) return Response.json({ error: "unauthorized" }, { status: 401 });
  const enrollment = findEnrollment(Number(params.id));
  if (!enrollment || (enrollment.userId !== user.id && user.role !== "admin")) {
    return Response.json({ error: "not found" }, { status: 404 });
  }
  return Response.json(enrollment);
}

export async function DELETE({ params }: APIEvent) {
  const id = Number(params.id);
  const enrollment = findEnrollment(id);
  if (!enrollment) return Response.json({ error: "not found" }, { status: 404 });
  db.update(enrollments).set({ status: "revoked" }).where(eq(enrollments.id, id)).run();
  log.info("enrollment withdrawn", { enrollmentId: id, courseId: enrollment.courseId });
  return new Response(null, { status: 204 });
}
