import { z } from "zod";

export const Shape = z.object({
  id: z.string().min(1).max(64),
  kind: z.enum(["rect", "ellipse", "path", "text", "sticky"]),
  x: z.number(),
  y: z.number(),
  w: z.number().nonnegative().optional(),
  h: z.number().nonnegative().optional(),
  points: z.array(z.tuple([z.number(), z.number()])).max(4096).optional(),
  text: z.string().max(4000).optional(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  author: z.string().optional(),
});
export type Shape = z.infer<typeof Shape>;

export const ClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("cursor"), x: z.number(), y: z.number() }),
  z.object({ type: z.literal("upsert"), shapes: z.array(Shape).min(1).max(200) }),
  z.object({ type: z.literal("delete"), ids: z.array(z.string()).min(1).max(200) }),
  z.object({ type: z.literal("clear") }),
  z.object({ type: z.literal("lock"), locked: z.boolean() }),
  z.object({ type: z.literal("kick"), connectionId: z.string() }),
  z.object({ type: z.literal("apply-template"), templateId: z.string() }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export type ServerMessage =
  | { type: "sync"; shapes: Shape[]; locked: boolean; you: { id: string; role: string } }
  | { type: "upsert"; shapes: Shape[]; by: string }
  | { type: "delete"; ids: string[]; by: string }
  | { type: "cleared"; by: string }
  | { type: "locked"; locked: boolean }
  | { type: "cursor"; id: string; name: string; x: number; y: number }
  | { type: "presence"; users: { id: string; name: string }[] }
  | { type: "error"; code: string; message: string };

export interface BoardDoc {
  shapes: Record<string, Shape>;
  locked: boolean;
  version: number;
}

export function emptyDoc(): BoardDoc {
  return { shapes: {}, locked: false, version: 0 };
}

export function parseClientMessage(raw: string): ClientMessage {
  return ClientMessage.parse(JSON.parse(raw));
}

export function assertNever(value: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(value)}`);
}

/** Pure document update used by the board party; returns the new doc. */
export function applyEdit(doc: BoardDoc, msg: ClientMessage, author: string, maxShapes: number): BoardDoc {
  switch (msg.type) {
    case "upsert": {
      const shapes = { ...doc.shapes };
      for (const shape of msg.shapes) {
        if (!(shape.id in shapes) && Object.keys(shapes).length >= maxShapes) {
          throw new RangeError(`board is full (${maxShapes} shapes)`);
        }
        shapes[shape.id] = { ...shape, author: shapes[shape.id]?.author ?? author };
      }
      return { ...doc, shapes, version: doc.version + 1 };
    }
    case "delete": {
      const shapes = { ...doc.shapes };
      for (const id of msg.ids) delete shapes[id];
      return { ...doc, shapes, version: doc.version + 1 };
    }
    case "clear":
      return { ...doc, shapes: {}, version: doc.version + 1 };
    case "lock":
      return { ...doc, locked: msg.locked, version: doc.version + 1 };
    case "cursor":
    case "kick":
    case "apply-template":
      return doc;
    default:
      return assertNever(msg);
  }
}
