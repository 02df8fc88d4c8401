// Pull one JSON object out of a model's text (bare, fenced, or wrapped in prose) and check it with zod.
import type { z } from "zod";

export function parseModelJson<T extends z.ZodType>(text: string, schema: T): { ok: true; value: z.infer<T> } | { ok: false; reason: string } {
  const fenced = text.match(/```(?:json)?\s*([\s\S]*?)```/);
  const body = fenced ? fenced[1]! : text;
  const start = body.indexOf("{");
  const end = body.lastIndexOf("}");
  if (start === -1 || end <= start) return { ok: false, reason: "no JSON object in the answer" };
  let raw: unknown;
  try {
    raw = JSON.parse(body.slice(start, end + 1));
  } catch (e) {
    return { ok: false, reason: `answer is not valid JSON: ${(e as Error).message}` };
  }
  const r = schema.safeParse(raw);
  if (!r.success) return { ok: false, reason: `answer does not match: ${r.error.issues[0]?.path.join(".")}: ${r.error.issues[0]?.message}` };
  return { ok: true, value: r.data };
}
