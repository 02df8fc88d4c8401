// unwired-auth: a GraphQL schema written in the code (`const schema = gql\` .. \``, a Mercurius or Apollo SDL string)
// whose root type guards its fields with an authorization directive (`@auth(requires: ADMIN)`, `@hasRole`,
// `@isAuthenticated`), where one field of the same type carries none: a directive guards only the fields it
// annotates (mercurius-auth, graphql-shield's schema directives), so that field is open to every caller.
import type { Hit } from "./hit";

/** An authorization directive by its name: `@auth`, `@hasRole`, `@requiresAuth`, `@isAuthenticated`, `@hasPermission`. */
const AUTH_DIRECTIVE = /@(auth\w*|\w*[Rr]ole\w*|requires?\w*|is[A-Z]\w*|has[A-Z]\w*|authenticated|authorized|permission\w*|scopes?)\b/;
/** A field whose access is declared either way: guarded, or explicitly open (RedwoodJS's `@skipAuth`, `@public`, `@allowAnonymous`). */
const DECIDED = /@(\w*[Aa]uth\w*|public|allowAnonymous|anonymous|\w*[Rr]ole\w*|\w*[Pp]ermission\w*|scopes?)\b/;
/** A field open by design: signing in, signing up, refreshing or resetting a credential, health and the caller's own view. */
const OPEN_FIELD = /^(login|logout|signIn|signUp|signup|register|refresh\w*|reset\w*|forgot\w*|health\w*|ping|me|viewer|version|public\w*)$/;

/** The fields of each `type Query|Mutation|Subscription { .. }` block in the text, with the line of each. */
type Field = { name: string; line: number; guarded: boolean; decided: boolean };
function rootFields(content: string): { type: string; fields: Field[] }[] {
  const out: { type: string; fields: Field[] }[] = [];
  const lines = content.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const head = /^\s*(?:extend\s+)?type\s+(Query|Mutation|Subscription)\s*\{\s*$/.exec(lines[i]!);
    if (!head) continue;
    const fields: Field[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*\}/.test(lines[j]!); j++) {
      const f = /^\s*([A-Za-z_]\w*)\s*[(:]/.exec(lines[j]!);
      if (f) fields.push({ name: f[1]!, line: j, guarded: AUTH_DIRECTIVE.test(lines[j]!), decided: DECIDED.test(lines[j]!) });
      // A directive on a continuation line belongs to the field above (`createUpload(..): UploadTicket!\n  @auth(..)`).
      else if (fields.length && /^\s*@/.test(lines[j]!)) {
        if (AUTH_DIRECTIVE.test(lines[j]!)) fields[fields.length - 1]!.guarded = true;
        if (DECIDED.test(lines[j]!)) fields[fields.length - 1]!.decided = true;
      }
    }
    out.push({ type: head[1]!, fields });
    i = j;
  }
  return out;
}

/**
 * Fields of a root type lacking any authorization directive where three or more, and two thirds, of the type's other
 * fields carry one; open-by-design names (login, signup, refresh, reset, health, me) aside.
 */
export function sdlDirectivePeerHits(content: string): Hit[] {
  if (!/\btype\s+(Query|Mutation|Subscription)\s*\{/.test(content) || !AUTH_DIRECTIVE.test(content)) return [];
  const out: Hit[] = [];
  for (const { type, fields } of rootFields(content)) {
    const guarded = fields.filter((f) => f.guarded);
    const open = fields.filter((f) => !f.guarded && !f.decided && !OPEN_FIELD.test(f.name));
    if (guarded.length < 3 || guarded.length * 3 < (fields.length - fields.filter((f) => !f.guarded && OPEN_FIELD.test(f.name)).length) * 2) continue;
    for (const f of open) {
      out.push({
        region: { start: { line: f.line, column: 0 }, end: { line: f.line, column: 0 } },
        message: `${type}.${f.name} carries no authorization directive, while ${guarded.length} of its ${fields.length} sibling fields do (${guarded.slice(0, 3).map((g) => g.name).join(", ")}): a directive guards only the fields it annotates`,
      });
    }
  }
  return out;
}
