// Rust Drop: `impl Drop for T { fn drop(&mut self) { .. } }` cannot return an error, so a result discarded there is the only option.
import type { SgNode } from "@ast-grep/napi";

/** The trait an `impl` block implements is Drop (`Drop`, `std::ops::Drop`, `core::ops::Drop`). */
function implementsDrop(impl: SgNode): boolean {
  const trait = (impl.field("trait" as never) as SgNode | null)?.text() ?? "";
  return /^((std|core)::ops::)?Drop$/.test(trait.trim());
}

/**
 * Is `node` in the body of a `drop` method of an `impl Drop` block? The nearest function item decides: a
 * closure inside drop is still drop's code (it runs there, with nowhere to send the error), a helper fn
 * declared inside it is not (it could return a Result).
 */
export function insideDrop(node: SgNode): boolean {
  for (let n = node.parent(); n; n = n.parent()) {
    if (n.kind() !== "function_item") continue;
    if ((n.field("name" as never) as SgNode | null)?.text() !== "drop") return false;
    const impl = n.parent()?.parent();
    return !!impl && impl.kind() === "impl_item" && implementsDrop(impl);
  }
  return false;
}
