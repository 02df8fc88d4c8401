// unwired-auth in an API description: an OpenAPI/Swagger document maps operations to code (operationId) and
// states who may call them (`security`). A document-wide requirement applies to every operation unless the
// operation overrides it; `security: []` (or only `{}`, "anonymous allowed") on an operation that changes
// state removes authentication from that route, whatever framework routes the spec. Read as data (YAML or
// JSON), never by framework.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLMap } from "yaml";
import { type Hit } from "./hit";
import { OPEN_BY_DESIGN } from "./unguarded-route";

/** Operations that change state, by their HTTP method key. */
const WRITE_METHOD = /^(post|put|patch|delete)$/i;

/** A security requirement list that asks for nothing: `[]`, or only empty requirement objects (`- {}`). */
function asksNothing(value: unknown): boolean {
  return isSeq(value) && value.items.every((r) => isMap(r) && r.items.length === 0);
}

/** A security requirement list that asks for something: at least one requirement naming a scheme. */
function asksSomething(value: unknown): boolean {
  return isSeq(value) && value.items.some((r) => isMap(r) && r.items.length > 0);
}

const text = (v: unknown): string => (isScalar(v) ? String(v.value ?? "") : "");

/** The document, if the file parses as one mapping with `paths`; null for any other YAML or JSON. */
function apiDocument(content: string, counter: LineCounter): Document | null {
  try {
    const doc = parseDocument(content, { lineCounter: counter, uniqueKeys: false, strict: false });
    if (doc.errors.length || !isMap(doc.contents) || !isMap(doc.get("paths", true))) return null;
    return doc;
  } catch {
    return null;
  }
}

/** A parameter list (YAML sequence) with a header parameter named for a request signature. */
function signatureHeader(params: unknown): boolean {
  if (!isSeq(params)) return false;
  return params.items.some((p) => {
    if (!isMap(p) || text(p.get("in", true)) !== "header" || text(p.get("required", true)) !== "true") return false;
    const name = text(p.get("name", true));
    return /signature|(^|-)sig(-|$)|hmac/i.test(name) && !/-(version|alg\w*|scheme)$/i.test(name);
  });
}

/**
 * Reported: a state-changing operation (post, put, patch, delete under `paths`) whose own `security` asks for
 * nothing, in a document whose top-level `security` asks for a scheme: the one route the author opened.
 * Not reported: documents with no global requirement (nothing is overridden), read operations (a public
 * catalogue is normal), and operations open by design by path or operationId (login, token exchange,
 * webhooks with their own signature check, health probes).
 */
export function specSecurityHits(content: string): Hit[] {
  const counter = new LineCounter();
  const doc = apiDocument(content, counter);
  if (!doc || !asksSomething(doc.get("security", true))) return [];
  const hits: Hit[] = [];
  for (const pathItem of (doc.get("paths", true) as YAMLMap).items) {
    const path = text(pathItem.key);
    if (!isMap(pathItem.value) || OPEN_BY_DESIGN.test(path)) continue;
    for (const op of pathItem.value.items) {
      if (!WRITE_METHOD.test(text(op.key)) || !isMap(op.value)) continue;
      const security = op.value.items.find((p) => text(p.key) === "security");
      if (!security || !asksNothing(security.value)) continue;
      const operationId = text(op.value.get("operationId", true));
      if (OPEN_BY_DESIGN.test(operationId.replace(/^.*[.:]/, ""))) continue;
      // A caller proving itself by a signed request (a required header named for a signature: `X-Supplier-Signature`,
      // `Stripe-Signature`, `X-Hub-Signature-256`) authenticates with a shared key instead of the document's scheme.
      if ([op.value.get("parameters", true), pathItem.value.get("parameters", true)].some(signatureHeader)) continue;
      const start = isScalar(security.key) && security.key.range ? security.key.range[0] : 0;
      const end = isSeq(security.value) && security.value.range ? security.value.range[1] : start;
      const from = counter.linePos(start);
      const to = counter.linePos(Math.max(start, end));
      hits.push({
        region: { start: { line: from.line - 1, column: from.col - 1 }, end: { line: to.line - 1, column: to.col - 1 } },
        message: `${text(op.key).toUpperCase()} ${path}${operationId ? ` (${operationId})` : ""} overrides the document's security requirement with none: the operation is open to anyone`,
      });
    }
  }
  return hits;
}
