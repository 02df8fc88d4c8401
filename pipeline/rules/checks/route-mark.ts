// Route marks: the attribute or decorator through which a web framework mounts a function as a handler.
import type { SgNode } from "@ast-grep/napi";

/** A route attribute or decorator: `#[delete("/<id>?<token>")]`, `@app.get("/x")`, `@bp.route(...)`, `@Post()`. */
const ROUTE_MARK = /^(#\[\s*(rocket::)?|@([\w.]+\.)?)(get|post|put|delete|patch|head|route|api_route|Get|Post|Put|Delete|Patch)\s*\(/;

/**
 * The function is mounted as a route handler by its own attribute or decorator: the framework calls it with
 * the request, so it is reached (and its parameters are bound from the request) without any call in the code.
 */
export function routeRegistered(fn: SgNode): boolean {
  const marks: string[] = [];
  for (let p = fn.prev(); p && /attribute_item|line_comment/.test(String(p.kind())); p = p.prev()) marks.push(p.text());
  const holder = fn.parent();
  if (holder?.kind() === "decorated_definition") marks.push(...holder.children().filter((c) => c.kind() === "decorator").map((c) => c.text()));
  if (fn.kind() === "method_definition") marks.push(...fn.children().filter((c) => c.kind() === "decorator").map((c) => c.text()));
  return marks.some((m) => ROUTE_MARK.test(m.trim()));
}
