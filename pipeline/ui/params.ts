// Query-string parameters of the UI's JSON routes, checked: a bad one is a 400 with a one-line reason.

/** A parameter the client got wrong (answered with 400). */
export class BadParam extends Error {}

/** An integer within [min, max], or undefined when absent or empty. */
export function intParam(q: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const v = q.get(name);
  if (v === null || v === "") return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new BadParam(`${name} must be an integer ${min}-${max}`);
  return n;
}

/** Text of at most `max` characters, or undefined when absent or empty. */
export function textParam(q: URLSearchParams, name: string, max: number): string | undefined {
  const v = q.get(name);
  if (v === null || v === "") return undefined;
  if (v.length > max || v.includes("\0")) throw new BadParam(`${name} must be at most ${max} characters`);
  return v;
}

/** One of `allowed`, or undefined when absent or empty. */
export function oneOf<T extends string>(q: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const v = q.get(name);
  if (v === null || v === "") return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new BadParam(`${name} must be one of ${allowed.join(", ")}`);
  return v as T;
}
