import type { APIEvent } from "@solidjs/start/server";
import { desc } from "drizzle-orm";
import { recordAudit } from "~/lib/admin";
import { courses, db } from "~/lib/db";

// Every /api/admin/* request passes adminApiGuard in src/middleware.ts first.

export async function GET(_event: APIEvent) {
  const rows = db.select().from(courses).orderBy(desc(courses.createdAt)).all();
  return Response.json({ courses: rows });
}

type NewCourse = {
  slug: string;
  title: string;
  summary?: string;
  category: string;
  priceCents?: number;
  currency?: string;
};

export async function POST({ request }: APIEvent) {
  const body = (await request.json()) as Partial<NewCourse>;
  if (!body.slug || !body.title || !body.category) {
    return Response.json({ error: "slug, title and category are required" }, { status: 422 });
  }
  const course = db
    .insert(courses)
    .values({
      slug: body.slug,
      title: body.title,
      summary: body.summary ?? "",
      category: body.category,
      priceCents: body.priceCents ?? 0,
      currency: body.currency ?? "eur",
    })
    .returning()
    .get();
  await recordAudit(null, "course.create", `course:${course.id}`, { via: "api" });
  return Response.json(course, { status: 201 });
}
