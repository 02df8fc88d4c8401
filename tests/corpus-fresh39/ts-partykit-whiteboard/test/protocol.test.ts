import { describe, expect, it } from "vitest";
import { applyEdit, emptyDoc, parseClientMessage, type Shape } from "../src/protocol";

const rect = (id: string, extra: Partial<Shape> = {}): Shape => ({
  id,
  kind: "rect",
  x: 10,
  y: 20,
  w: 100,
  h: 50,
  color: "#ff8800",
  ...extra,
});

describe("parseClientMessage", () => {
  it("accepts a cursor message", () => {
    expect(parseClientMessage('{"type":"cursor","x":1,"y":2}')).toEqual({ type: "cursor", x: 1, y: 2 });
  });

  it("rejects unknown message types", () => {
    expect(() => parseClientMessage('{"type":"format-disk"}')).toThrow();
  });

  it("rejects shapes with a bad colour", () => {
    expect(() =>
      parseClientMessage(JSON.stringify({ type: "upsert", shapes: [rect("a", { color: "red" })] })),
    ).toThrowError(/Invalid/);
  });
});

describe("applyEdit", () => {
  it("keeps the original author when a shape is edited by someone else", () => {
    const first = applyEdit(emptyDoc(), { type: "upsert", shapes: [rect("a")] }, "alice", 10);
    const second = applyEdit(first, { type: "upsert", shapes: [rect("a", { x: 99 })] }, "bob", 10);
    expect(second.shapes.a).toMatchInlineSnapshot(`
      {
        "author": "alice",
        "color": "#ff8800",
        "h": 50,
        "id": "a",
        "kind": "rect",
        "w": 100,
        "x": 99,
        "y": 20,
      }
    `);
    expect(second.version).toBe(2);
  });

  it("refuses to grow past the shape limit", () => {
    const doc = applyEdit(emptyDoc(), { type: "upsert", shapes: [rect("a"), rect("b")] }, "alice", 2);
    expect(() => applyEdit(doc, { type: "upsert", shapes: [rect("c")] }, "alice", 2)).toThrow(RangeError);
  });

  it("deletes and clears", () => {
    let doc = applyEdit(emptyDoc(), { type: "upsert", shapes: [rect("a"), rect("b")] }, "alice", 10);
    doc = applyEdit(doc, { type: "delete", ids: ["a"] }, "alice", 10);
    doc = applyEdit(doc, { type: "clear" }, "alice", 10);
  });

  it("leaves the document alone for cursor messages", () => {
    const doc = emptyDoc();
    expect(applyEdit(doc, { type: "cursor", x: 1, y: 1 }, "alice", 10)).toBe(doc);
  });
});
