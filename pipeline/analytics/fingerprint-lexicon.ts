// The vocabulary that maps differently worded finding titles onto one stable key.
// Changing an entry changes fingerprints, so history compares only within one lexicon version.
// Every pattern uses the regex subset JavaScript and RE2 (DuckDB) read the same way: no lookaround,
// no backreferences, no flags; titles are lower-cased before matching.

/** 2: titles are ASCII-folded (foldTitle) before matching. */
export const LEXICON_VERSION = 2;

/** Ordered: the first class whose pattern matches a lower-cased title names the finding. */
export const TITLE_CLASSES: readonly { key: string; pattern: string }[] = [
  { key: "hardcoded-secret", pattern: "(hard[- ]?coded|embedded|committed|plain[- ]?text|literal|inline).{0,40}(secret|password|passwd|api[- _]?key|token|credential|private key)|(secret|password|api[- _]?key|token|credential|private key).{0,40}(hard[- ]?coded|in (the )?source|committed|in plain[- ]?text)" },
  { key: "tls-disabled", pattern: "(tls|ssl|https|certificate|cert).{0,40}(disabled|verification|verify|unverified|not verified|skip|insecure|off)|rejectunauthorized|insecureskipverify|verify ?= ?false" },
  { key: "insecure-compare", pattern: "timing[- ](attack|safe|leak|side)|constant[- ]time|non[- ]constant|(compar|===|==).{0,40}(secret|token|password|hmac|signature|digest|api[- _]?key)" },
  { key: "sql-injection", pattern: "sql[- ]?injection|(unsanitized|unescaped|concatenat|interpolat|f-string|template).{0,40}(sql|query)|(sql|query).{0,40}(concatenat|interpolat|unsanitized|unescaped)" },
  { key: "command-injection", pattern: "(command|shell|os)[- ]injection|(shell|exec|spawn|system|subprocess).{0,40}(unsanitized|user[- ]controlled|untrusted|injection|shell ?= ?true)" },
  { key: "path-traversal", pattern: "path[- ]traversal|directory[- ]traversal|\\.\\./|(unsanitized|untrusted|user[- ]controlled).{0,30}(path|file ?name)" },
  { key: "unwired-auth", pattern: "(auth|authentication|authorization|authorisation|permission|access[- ]control|guard|middleware).{0,40}(not (wired|applied|enforced|checked|called|used|registered|mounted)|never (wired|applied|enforced|called|used|checked)|missing|bypass|unused|skipped|unwired|dead)|(missing|no|unprotected|unauthenticated|bypass(es|ed)?).{0,20}(auth|permission|access[- ]control)" },
  { key: "swallowed-error", pattern: "(swallow|silenc|suppress|ignor|discard|drop).{0,30}(error|exception|failure|rejection)|empty (catch|except)|(catch|except|rescue)[a-z ]{0,20}(empty|ignor|swallow|pass|nothing)|bare except|(error|exception|failure|rejection)s? .{0,30}(swallowed|silenced|suppressed|ignored|discarded)" },
  { key: "ignored-parameter", pattern: "(parameter|param|argument|arg|option|flag|setting).{0,40}(ignored|unused|never used|not used|discarded|has no effect|is not honou?red|not respected)|(ignores?|unused).{0,20}(parameter|param|argument|option)" },
  { key: "assertion-free-test", pattern: "(test|spec).{0,40}(no|without|lacks?|missing|never).{0,20}(assert|expect|check)|assertion[- ]?free|(no|without|missing|lacks?) assertions?" },
  { key: "stub", pattern: "\\bstub|not implemented|unimplemented|placeholder|\\btodo\\b|fixme|hard[- ]?coded (result|return|response|value|data|output)|returns? (a |an )?(constant|fixed|dummy|fake|canned|hard[- ]?coded)|fake (implementation|data|result)|mock(ed)? (implementation|result|data) in (production|prod)" },
  { key: "hardcoded-path", pattern: "(hard[- ]?coded|absolute|fixed|machine[- ]specific).{0,30}(path|directory|folder|dir|file ?name|home)|/home/|/users/|c:\\\\" },
  { key: "race-condition", pattern: "race[- ]condition|data race|toctou|time[- ]of[- ]check|not (thread|concurrency)[- ]safe|unsynchroni[sz]ed" },
  { key: "resource-leak", pattern: "(resource|memory|file|handle|connection|socket|descriptor).{0,20}leak|(never|not) (closed|released|freed|disposed)|missing (close|cleanup|dispose)" },
  { key: "missing-validation", pattern: "(missing|no|lacks?|without|insufficient|unvalidated).{0,20}(input )?(validation|sanitization|sanitisation|bounds check)|(input|payload|request body).{0,30}(not validated|unvalidated|unchecked)" },
  { key: "unhandled-error", pattern: "unhandled (error|exception|rejection|promise)|(error|exception|failure)s? (is |are )?(not handled|unhandled|uncaught)|no error handling|missing error handling" },
];

/** Words that carry no identity in a finding title, removed before stemming. */
export const STOPWORDS: readonly string[] = [
  "the", "and", "for", "are", "was", "were", "with", "without", "this", "that", "these", "those", "from", "into",
  "onto", "not", "but", "has", "have", "had", "its", "it's", "can", "could", "may", "might", "will", "would",
  "should", "must", "does", "did", "doesn", "isn", "aren", "wasn", "there", "here", "when", "where", "which",
  "while", "than", "then", "also", "only", "any", "all", "some", "via", "per", "upon", "function", "method",
  "file", "line", "lines", "code", "value", "values", "issue", "problem", "potential", "possible", "possibly",
  "likely", "critical", "severe", "major", "minor", "bug", "use", "uses", "used", "using",
];

/** At most this many stems (after sort) name an unclassified finding. */
export const MAX_STEMS = 4;
