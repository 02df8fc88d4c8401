// hardcoded-secret: the literal assigned to a secret-looking name must look like a real credential.
import type { SgNode } from "@ast-grep/napi";
import { charClasses, shannonEntropy } from "./entropy";
import { type Hit, param, regionOf } from "./hit";

/** The characters inside a string literal node, without quotes, prefixes or raw markers. */
export function literalContent(text: string): string {
  const m = /^[a-zA-Z]*(#*)(["'`]{1,3})([\s\S]*?)\2\1$/.exec(text);
  return m ? m[3]! : text;
}

export function secretLiteral(value: SgNode | null, check: Record<string, unknown>): Hit[] {
  if (!value) return [];
  // An Authorization header value carries its scheme: judge the credential after it.
  const s = literalContent(value.text()).replace(/^(Bearer|Basic|Token)\s+/i, "");
  const minLength = param(check, "minLength", 10);
  const minEntropy = param(check, "minEntropy", 3.0);
  const minClasses = param(check, "minClasses", 2);
  const placeholder = new RegExp(param(check, "placeholder", "(?!)"), "i");
  const shape = new RegExp(param(check, "notSecretShape", "(?!)"));
  if (s.length < minLength || /\s/.test(s)) return [];
  if (placeholder.test(s) || shape.test(s)) return [];
  if (shannonEntropy(s) < minEntropy || charClasses(s) < minClasses) return [];
  return [{ region: regionOf(value) }];
}
