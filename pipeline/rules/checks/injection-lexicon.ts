// The vocabulary of text that steers a reviewer, grouped by the part each word plays in a clause (who is
// addressed, what is overridden, which outcome is demanded), so detection reads the clause's grammar
// rather than matching whole example sentences. Every pattern is a source string for new RegExp(…, "i").

const re = (s: string, flags = "i") => new RegExp(s, flags);

/** An AI system by kind or by product name. */
const AI = String.raw`(?:AI|A\.I\.|LLMs?|large language models?|language models?|models?|assistants?|chat ?bots?|bots?|agents?|copilots?|ChatGPT|GPT(?:-?\d+o?)?|Claude|Gemini|Llama|Mistral|Qwen|DeepSeek|Kimi|Grok)`;
/** The reader an injection in a reviewed file is aimed at: a reviewer, optionally an automated one. */
const REVIEWER = String.raw`(?:(?:AI|LLM|model|ML)[ -]based[ -]|(?:AI|automated|code|security|static|LLM|model|machine|bot|future|any)[ -])?(?:reviewers?|auditors?|analy[sz]ers?|scanners?|graders?|evaluators?|judges?)`;
/** A review system named by what it does: "automated code review systems", "the review bot". */
const REVIEW_SYSTEM = String.raw`(?:(?:automated|AI|LLM|code|security|static)[ -])*(?:code[ -])?review(?:ing)?[ -](?:systems?|tools?|bots?|agents?|assistants?|pipelines?|models?|engines?)`;
/** A machine named by what it does to the text: "automated tools", "AI summarisers", "the indexing pipeline". */
const AUTOMATED = String.raw`(?:automated|automatic|autonomous|AI|LLM|machine)[ -](?:tools?|systems?|process(?:es|ors?)?|pipelines?|readers?|checkers?|crawlers?|indexers?|summari[sz]ers?|services?|programs?)`;
/** A reviewer by role (never a bare "model" or "assistant"): a heading or key naming one addresses what is under it. */
export const REVIEWER_NAMED = re(String.raw`\b(?:${REVIEWER}|${REVIEW_SYSTEM}|${AUTOMATED})\b`);
/** Whom a vocative names. */
export const ADDRESSEE = String.raw`(?:${REVIEW_SYSTEM}|${AUTOMATED}|(?:(?:AI|LLM|automated|autonomous|coding|code)[ -])?${AI}(?:[ -]${REVIEWER}|[ -](?:system|tool|agent)s?)?|${REVIEWER}(?:[ -]${AI})?)`;

/** Vocatives at the start of a clause: "AI reviewer:", "Dear reviewer,", "Note to the LLM:", "To any model reading this". */
export const VOCATIVE_START = re(String.raw`^(?:(?:hey|hi|hello|dear|attention|attn|psst|note|notice|message|instructions?|reminder|warning)\s*(?:(?:to|for)\s+)?,?\s*)?(?:(?:the|all|any|every|you|our)\s+)?${ADDRESSEE}(?:\s+(?:instructions?|note|notice|directive|message|reminder)s?)?\s*(?:[:,!]|—|\s-\s|(?=\s+(?:reading|reviewing|processing|analy[sz]ing|scanning|auditing|evaluating|reads|reviews|sees)\b))`);
export const VOCATIVE_TO = re(String.raw`^(?:(?:[\w-]+\s+){0,2}?(?:note|notice|message|instructions?|reminder|attention|directive|guidance)s?\s+)?(?:to|for)\s+(?:the\s+|all\s+|any\s+|every\s+|each\s+|whichever\s+|whatever\s+)?${ADDRESSEE}\b(?:\s+(?:that|who)?\s*(?:reads|reviews|sees|processes|scans|audits|is\s+reading|is\s+reviewing)\s+(?:this|these|the)\s+[\w-]+)?`);
/**
 * A directive in the third person to the reviewer: "The AI reviewer must …", "Any automated reviewer should
 * …". Only reviewers and the bare "AI"/"LLM" count: "the model should reply in JSON" is how an LLM app
 * documents its own model.
 */
const REVIEWER_3P = String.raw`(?:${REVIEW_SYSTEM}|(?:(?:AI|LLM)[ -])?${REVIEWER}(?:[ -](?:AI|LLM|bots?|agents?))?|(?:AI|LLM)[ -](?:assistants?|agents?|bots?|tools?|systems?)|${AUTOMATED}|AI|A\.I\.|LLMs?)`;
/** What a machine reader does to the text it is given. */
const READING = String.raw`(?:reading|reviewing|processing|analy[sz]ing|scanning|auditing|evaluating|looking at|summari[sz]ing|grading|ingesting|parsing|indexing|triaging|checking|inspecting|reads|reviews|processes|analy[sz]es|scans|audits|evaluates|summari[sz]es|grades|ingests|parses|indexes|checks|inspects)`;
const MODAL_3P = String.raw`(?:must|should|shall|needs? to|has to|have to|is to|are to|is required to|are required to|is expected to)\b`;
export const THIRD_PERSON_DIRECTIVE = re(String.raw`^(?:(?:the|any|all|every|each)?\s*${REVIEWER_3P}|(?:any|all|every|each|whatever)\s+(?:[\w-]+\s+){0,2}?(?:${ADDRESSEE}|tools?|systems?|programs?|process(?:es)?|pipelines?|services?)\s+(?:(?:that|which|who)\s+)?(?:is\s+|are\s+)?${READING}\s+(?:this|these|the|my|our)\s+[\w-]+)\s+${MODAL_3P}`);
/** Address that may sit anywhere in a sentence: "if you are an AI", "any LLM reading this", "you, the reviewer". */
export const ADDRESS_ANYWHERE = re(String.raw`\bif\s+you(?:'re|\s+are)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?${ADDRESSEE}\b|\bif\s+(?:an?|the|any)\s+${ADDRESSEE}\s+(?:is|are)\s+(?:reading|reviewing|processing|analy[sz]ing|scanning|auditing|evaluating|looking)\b|\b(?:is|are)\s+(?:meant\s+|intended\s+|written\s+|only\s+)?for\s+(?:the\s+|any\s+|all\s+)?${REVIEWER_3P}\b|\byou(?:'re|\s+are)\s+(?:now\s+)?(?:reviewing|auditing|analy[sz]ing|scanning|evaluating)\b|\b(?:any|every|all|each)\s+(?:${ADDRESSEE}|(?:automated\s+|automatic\s+)?(?:tools?|systems?|programs?|process(?:es)?|pipelines?|services?))\s+(?:(?:that|which|who)\s+)?(?:is\s+|are\s+)?${READING}\b|\b(?:whoever|whatever|anyone|anything|anybody)\s+(?:(?:that|who)\s+)?(?:is\s+)?${READING}\s+(?:this|these|the|my|our)\b|\bas\s+(?:an?|the)\s+${ADDRESSEE}\s*,\s*you\b|\byou\s*,\s*the\s+${ADDRESSEE}\b`);

/** An addressee that is a machine (not a human reviewer): only such an address makes a claim ("it is correct") steering. */
export const AI_TERM = re(String.raw`\b(?:whatever|anything|tools?|systems?|programs?|process(?:es|ors?)?|pipelines?|services?|crawlers?|indexers?|summari[sz]ers?|AI|A\.I\.|LLMs?|language models?|models?|assistants?|chat ?bots?|bots?|agents?|copilots?|ChatGPT|GPT|Claude|Gemini|Llama|Mistral|Qwen|DeepSeek|Kimi|Grok|automated|machine|review(?:ing)?[ -](?:systems?|tools?|engines?|pipelines?))\b`);
/** "Reviewer: @alice", "Reviewers: Bob, Carol": a metadata label naming people, not an address. */
export const PEOPLE_LABEL = /^\W*(?:[Rr]eviewers?|REVIEWERS?|[Aa]uditors?|[Aa]pprovers?|[Rr]eviewed\s+by|[Aa]pproved\s+by)\s*:?\s*(?:@[\w-]+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)(?:\s*(?:,|and)\s*(?:@[\w-]+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?))*\W*$/;

/** Chat-transcript forgery: a role label at a line start, a model's special tokens; role JSON (comments only). */
// Indentation before the label is allowed: a comment's markers are blanked, so its turns start with spaces.
export const ROLE_LINE = re(String.raw`^[ \t]*(?:system|assistant|developer|user|human)\s*:\s*\S`, "im");
export const ROLE_TOKEN = re(String.raw`<\|(?:im_start|im_end|system|assistant|user|endoftext|eot_id|start_header_id|end_header_id)\|>|\[\/?INST\]|<<\/?SYS>>|<\/?(?:system|assistant)>|^#{2,}\s*(?:System|Instruction|Response|Assistant)s?\s*#*\s*:?`, "im");
export const ROLE_JSON = re(String.raw`["']role["']\s*:\s*["'](?:system|assistant|developer)["']`);

/** The answer contract's field names (prompts/answer-format.md). */
export const CONTRACT_KEY = re(String.raw`["'\u27e6]?\b(verdict|score|confidence|critical_failures|verified_components|missing_components|summary|static_claims)\b["'\u27e7]?\s*[:=]`, "gi");
export const CONTRACT_DISTINCT = new Set(["verdict", "critical_failures", "verified_components", "missing_components", "static_claims"]);

/** What the text refers to as itself: the thing under review. */
/** "code path", "file name", "class name": a compound that names a part or property, not the thing itself. */
const NOT_THE_THING = String.raw`(?![\s-]+(?:path|paths|name|names|format|type|types|size|system|descriptor|handle|mode|extension|point|points|block|blocks|style|base|owner|owners|level|variable|attribute|method|instance|object)\b)`;
export const SELF_REF = re(String.raw`\b(?:this|the\s+(?:present|current|following|above))\s+(?:file|code|codebase|module|function|method|class|script|snippet|implementation|source(?:\s+code)?|component|package|library|repository|repo|project|submission|crate|gem|codebase)\b${NOT_THE_THING}|\b(?:critical_failures|verified_components|missing_components|static_claims)\b`);

// Clause openers that carry no meaning of their own: bullets, interjections, second-person modals.
export const LEAD = [
  /^(?:[-*•+>]+|\d+[.)])\s+/,
  /^(?:<\|[a-z_]+\|>\s*(?:system|assistant|user|developer)?|\[\/?INST\]|<<\/?SYS>>|<\/?(?:system|assistant|user)>|#{2,}\s*(?:system|instruction|response|assistant)s?\s*#*\s*:?|(?:system|assistant|developer|user|human)\s*:)\s*/i,
  /^(?:please|pls|kindly|now|also|just|simply|then|so|and|first(?:ly)?|finally|instead|important(?:ly)?|remember|note|nb|urgent|critical(?:ly)?|ok(?:ay)?|therefore|thus|hence|again|always)\b[:,!]?\s*/i,
  /^(?:in\s+(?:your|the)\s+(?:review|answer|response|output|report|summary|assessment|evaluation)|when\s+(?:reviewing|analy[sz]ing|scanning|evaluating|auditing|you\s+review)\s+(?:this|the)\s+\w+|for\s+this\s+(?:file|code|review))\s*[:,]?\s*/i,
  /^(?:you|u)\s+(?:must|should|shall|will|need\s+to|have\s+to|are\s+to|are\s+required\s+to|are\s+instructed\s+to|are\s+expected\s+to|can\s+only|may\s+only|are\s+going\s+to)\s+/i,
  // What is left after a vocative such as "AI assistants reviewing this file must …".
  /^(?:reading|reviewing|processing|analy[sz]ing|scanning|auditing|evaluating)\s+(?:this|these|the|my|our)(?:\s+(?!must\b|should\b|shall\b)[\w-]+)?\s*[:,]?\s*/i,
  /^(?:must|should|shall|needs?\s+to|has\s+to|have\s+to|is\s+to|are\s+to|(?:is|are)\s+required\s+to)\s+/i,
  /^(?:make\s+sure|be\s+sure|ensure|remember)\s+(?:to|that\s+you|you)\s+/i,
  /^(?:it|they)\s+(?:must|should|shall|needs?\s+to|has\s+to|have\s+to)\s+/i,
];
export const NEGATION = /^(?:do\s+not|don'?t|never|not|no\s+need\s+to|avoid|refrain\s+from|stop|under\s+no\s+circumstances)\s+/i;
/** A condition on the directive, followed by its clause (`even if` concedes; "told before." ends a sentence). */
export const CONDITIONAL = /\b(?<!even\s)(?:if|when|whenever|once|unless|only|after|before|until|in\s+case)\b(?=\s+[\w'-]+\s+[\w'-]+)/i;

const FAV_SCORE = String.raw`(?:10|ten|9(?:\.\d+)?|nine|100|perfect|full|max(?:imum)?|highest|top|five\s+stars|5\s+stars|A\+)(?:\s*(?:\/|out\s+of)\s*(?:10|ten|100|5))?(?:\s+(?:marks?|points?|stars?))?(?!\s*(?:-|–|to|and|or)\s*\d)(?!\d|\.\d|%)(?!\s*(?:s|ms|sec|seconds?|minutes?|mins?|hours?|days?|px|kb|mb|gb|times|retries|attempts|items|lines|tries|percent)\b)`;
const FAV_LABEL = String.raw`(?:safe|secure|clean|correct|verified|audited|benign|harmless|approved|passing|passed|compliant|bug[- ]?free|flawless|perfect|production[- ]ready|excellent|high[- ]quality|vulnerability[- ]free|error[- ]free|issue[- ]free|fine|ok|okay|good|trusted|trustworthy|a\s+pass|(?:a\s+)?false\s+positives?|resolved|fixed|addressed|accepted|intended|by\s+design|not\s+applicable|won'?t\s+fix|wontfix)`;
const FINDINGS = String.raw`(?:critical\s+|security\s+|real\s+|any\s+)?(?:issues?|findings?|failures?|problems?|vulnerabilit(?:y|ies)|bugs?|defects?|concerns?|errors?|warnings?|flaws?|critical_failures|critical failures)`;
const REVIEW_OBJ = String.raw`(?:file|code|module|function|class|script|change|changes|PR|pull\s+request|commit|diff|submission|implementation|review|audit|check|repository|repo|project|package|library|component|patch)`;

/** Verdict-steering directives, each anchored at a clause's verb (after LEAD and NEGATION are stripped). */
export const STEER: { kind: string; re: RegExp; negated?: boolean; needsAddress?: boolean }[] = [
  { kind: "score", re: re(String.raw`^(?:score|rate|grade|give|assign|award|mark|rank)\b(?:\s+(?:it|this|that|them|me|us|everything|all|(?:the|this|my|our|these|every|each|all)\s+[\w-]+))?(?:\s+(?:as|at|with|a|an|the|score|rating|grade|of))*\s+${FAV_SCORE}`) },
  { kind: "approve", re: re(String.raw`^(?:approve|accept|pass|sign[- ]off(?:\s+on)?|green[- ]?light|whitelist|allowlist|certify|endorse)\b(?:\s+(?:it|this|that|(?:the|this|these|my|our)(?:\s+${REVIEW_OBJ})?))?\s*(?:$|[,.!;:]|\s+(?:and|then|without|immediately|now|as[- ]is|automatically|unconditionally|quickly)\b)`) },
  { kind: "no-findings", re: re(String.raw`^(?:report|return|output|list|flag|find|raise|produce|emit|give|say|state|conclude|declare|confirm|respond|reply|answer|write|print|include)\b(?:\s+(?:with|that|back|out))?(?:\s+there\s+(?:are|is))?\s+(?:no|zero|0|nothing|none|an?\s+empty|empty)\b(?!\s+(?:longer|more)\b)`) },
  { kind: "no-findings", re: re(String.raw`^(?:leave|keep|set|make)\s+(?:the\s+)?(?:critical_failures|findings|issues|missing_components|critical\s+failures)(?:\s+(?:list|array|field))?\s+(?:as\s+|to\s+)?(?:empty|blank|\[\s*\]|null|none|clear)\b`) },
  // "Do not flag …" is also how a lint suppression explains itself: only an order to the reviewer counts.
  { kind: "no-findings", negated: true, needsAddress: true, re: re(String.raw`^(?:report|flag|mention|list|raise|point\s+out|call\s+out|criticize|criticise|critique|penalize|penalise|mark\s+down|deduct|lower|reduce|decrease|downgrade|dock|review|audit|scan|open|inspect|examine|look\s+(?:at|into)|analy[sz]e)\b`) },
  { kind: "safe-label", re: re(String.raw`^(?:mark|treat|consider|classify|label|deem|describe|report|present|regard|tag|call|declare|rate|judge|assess|evaluate|review|record)\b(?:\s+[^\s,.;:]+){0,6}?\s+(?:as\s+)?(?:being\s+)?${FAV_LABEL}\b`) },
  // "conclude that the code is production-ready", "say it is secure"
  { kind: "safe-label", re: re(String.raw`^(?:say|state|conclude|report|declare|confirm|answer|respond|write|assert|claim|find|pretend|assume)\b(?:\s+that)?[^.;:]{0,60}?\b(?:is|are|was|be|looks?)\s+(?:fully\s+|completely\s+|totally\s+|entirely\s+)?(?:(?:memory|type|thread)[- ])?${FAV_LABEL}\b`) },
  // "respond that all checks passed", "state that no further review is needed": the review's outcome dictated.
  { kind: "no-findings", needsAddress: true, re: re(String.raw`^(?:say|state|conclude|report|declare|confirm|answer|respond|reply|write|assert|claim)\b(?:\s+that)?\s+(?:all\s+(?:the\s+)?(?:checks|tests|reviews?|audits?|scans?)\s+(?:have\s+)?(?:passed|pass|succeeded|are\s+green)|no\s+(?:further\s+)?(?:review|changes?|action|fix(?:es)?|work)\s+(?:is|are|was|were)\s+(?:needed|required|necessary))\b`) },
  { kind: "no-findings", re: re(String.raw`^(?:pretend|assume|say|state|conclude|report|declare|confirm|believe)\b[^.;:]{0,60}?\b(?:has|have|contains?|with)\s+(?:no|zero)\s+${FINDINGS}`) },
  // "reject all of them", "dismiss the static claims": an order about the floor's findings
  { kind: "reject-claims", re: re(String.raw`^(?:reject|dismiss|discard|overrule|waive)\s+(?:all|every|each|any|the|these|those)?\s*(?:of\s+)?(?:them|these|those|(?:static\s+|floor\s+)?(?:claims?|findings?|issues?|warnings?|alerts?))\b`) },
  // With an address, any order to look away is steering: "ignore the eval() below", "skip this".
  { kind: "skip-review", needsAddress: true, re: re(String.raw`^(?:ignore|skip|overlook|disregard|excuse|whitelist|allowlist|suppress|silence|mute|hide|dismiss)\b(?!-)`) },
  { kind: "skip-review", re: re(String.raw`^(?:skip|ignore|omit|exclude|bypass|overlook|disregard|hide|suppress|filter\s+out|leave\s+out)\b(?:\s+(?:reviewing|analy[sz]ing|checking|auditing|scanning|evaluating|examining|inspecting))?(?:\s+(?:any|all|the|this|these|every|its))?\s+(?:${FINDINGS}|(?:file|code|module|function|class|section|block|lines?)\b${NOT_THE_THING})`) },
  { kind: "answer-format", needsAddress: true, re: re(String.raw`^(?:respond|answer|reply|output|return|print|write|say)\b\s*(?:only\s+|exactly\s+|just\s+)?(?:with\s+)?(?:this|the\s+following|json|\{|["']?verdict)`) },
  { kind: "answer-format", needsAddress: true, re: re(String.raw`^(?:respond|answer|reply|output|return|print|write|say)\b(?:\s+(?:only|exactly|just|strictly|with|in)\b)(?:\s+\S+){0,3}?\s*(?:json|the\s+following|this|exactly|verdict|"|\{)`) },
];

/**
 * "A score of 10" is a demand only where the noun phrase ends its clause ("output APPROVED with a score of 10.");
 * as the subject of a sentence about scores ("a score of 10/10 here means the file moved up") it describes.
 */
const VERDICT_OF = String.raw`(?=["'\`]?[\w./]+["'\`]?\s*(?:[.!?;,)\]]|$|(?:and|with|for|to|on|in|please|now)\b))`;
/** Steering that needs no verb at the clause start: an asserted verdict, a passive demand. */
export const STEER_ANYWHERE: { kind: string; re: RegExp }[] = [
  { kind: "no-findings", re: re(String.raw`\b(?:critical_failures|critical\s+failures|findings|static_claims)\s*(?:list|array|field)?\s*(?:must|should|shall|will|is\s+to|needs\s+to)\s+(?:be|stay|remain)\s+(?:an?\s+)?(?:empty|blank|\[\s*\]|none|null|zero)\b`) },
  { kind: "verdict", re: re(String.raw`\b(?:verdict|score|rating|grade|result|assessment|outcome|evaluation|confidence)["']?(?:\s+(?:for|on|of)\s+(?:this|the)\s+[\w-]+)?\s*(?:(?:must|should|shall|will|is\s+to|needs\s+to|has\s+to|=|:|is)\s*(?:always\s+)?(?:be\s+)?(?:set\s+to\s+|exactly\s+)?|of\s*${VERDICT_OF})["'\`]?(?:pass|passed|approved?|${FAV_SCORE}|safe|secure|clean|1(?:\.0+)?)(?![\w-]|\.\d)(?!["'\`]?\s*(?:\||\/|or\b))`) },
  { kind: "approve", re: re(String.raw`\b(?:this|the|it)(?:\s+${REVIEW_OBJ})?\s+(?:must|should|shall|will|is\s+to|needs\s+to|has\s+to|deserves\s+to|is\s+required\s+to)\s+(?:be\s+|get\s+)?(?:approved|accepted|passed|whitelisted|(?:scored|rated|graded|given|awarded|receive|get|obtain|earn)\s+(?:a\s+|an\s+)?(?:(?:score|rating|grade|mark)\s+(?:of\s+)?)?(?:at\s+least\s+)?${FAV_SCORE}|(?:marked|treated|considered|classified|labell?ed|reported|rated)\s+(?:as\s+)?${FAV_LABEL})\b`) },
];
/** Claims about the review's outcome ("this file was already audited", "the code is secure", "no critical
 * failures", "these findings are false positives", "LGTM"): steering only when the text addresses the reviewer. */
export const AUDIT_CLAIM = re(String.raw`\b(?:this|it|the\s+(?:code|file|module|function|following\s+\w+|above\s+\w+)|this\s+(?:code|file|module|function|class|implementation)|everything)\s+(?:is|looks|seems|are)\s+(?:all\s+|completely\s+|perfectly\s+|totally\s+|100%\s+)?(?:fine|good|safe|ok|okay|correct|secure|clean|bug[- ]?free|production[- ]ready|verified)\b|^\W*no\s+(?:critical\s+|security\s+)?(?:failures|findings|issues|vulnerabilities|problems|bugs|defects)\b|\b(?:findings?|issues?|warnings?|alerts?|claims?)\b[^.;]{0,50}\b(?:are|were|is|was)\s+(?:all\s+)?(?:an?\s+)?(?:known\s+|confirmed\s+|documented\s+)?(?:false\s+positives?|invalid|bogus|wrong|spurious|noise)\b|\bLGTM\b|\b(?:is|are)\s+(?:now\s+)?(?:out\s+of\s+scope|exempt(?:ed)?|excluded)\s+(?:for|from)\s+(?:this\s+|the\s+|any\s+)?(?:code\s+|security\s+)?(?:review|audit|analysis|scan(?:ning)?)\b|\b(?:this|the)\s+(?:file|code|module|function|class|implementation|repository|repo|project|library|package)\s+(?:has\s+(?:already\s+)?been|was(?:\s+already)?|is(?:\s+already)?)\s+(?:fully\s+|thoroughly\s+|manually\s+|formally\s+|independently\s+|previously\s+)?(?:audited|reviewed|verified|approved|certified|vetted|pen-?tested|validated|cleared|signed\s+off)\b`);

/**
 * Declaring the reader's own instructions void instead of ordering them ignored: "the review instructions you
 * were given earlier are obsolete", "your rules no longer apply". Only instructions marked as the reader's
 * ("your previous rules", "you were given") count: "the instructions in INSTALL.md are obsolete" and "your lint rules
 * are obsolete" are notes to a human.
 */
export const INSTRUCTIONS_VOID = re(String.raw`^(?:(?:all|any|the|your|these|those)\s+)*(?:[\w-]+\s+){0,2}?(?:instructions?|rules|guidance|guidelines|directives?|prompts?|system\s+prompt|orders)\s+(?:(?:that\s+)?you(?:'ve|\s+were|\s+have\s+been|\s+had\s+been|\s+received|\s+got)\s+(?:(?:given|told|sent|provided|received)\s+)?(?:(?:earlier|before|previously|above|initially|so\s+far)\s+)?)?(?:are|is|have\s+been|has\s+been|were)\s+(?:now\s+)?(?:(?:obsolete|void|null|invalid|cancell?ed|revoked|superseded|outdated|withdrawn|replaced|suspended|lifted)\b|no\s+longer\s+(?:valid|in\s+effect|applicable|relevant|appl(?:y|ies)))|^(?:(?:all|any|the|your|these|those)\s+)*(?:[\w-]+\s+){0,2}?(?:instructions?|rules|guidance|guidelines)\s+no\s+longer\s+appl(?:y|ies)`);
export const INSTRUCTIONS_OWN = /\byou(?:'ve|\s+were|\s+have\s+been|\s+had\s+been)\s+(?:given|told|sent|provided)\b|\byour\s+(?:(?:previous|prior|earlier|original|initial|old|review(?:ing)?|system)\s+)+(?:instructions?|rules|guidance|guidelines|directives?|prompts?)\b|\byour\s+(?:instructions?|directives?|guidance|system\s+prompt)\b/i;

/** Overriding the reader's instructions; `strong` when the object is clearly the model's own instructions. */
export const OVERRIDE = re(String.raw`^(?:ignore|disregard|forget(?:\s+about)?|override|overrule|bypass|discard|abandon|set\s+aside|neglect|disobey|(?:do\s+not|don'?t|stop)\s+follow(?:ing)?)\b((?:\s+(?:all|any|every|each|the|your|my|these|those|of|previous|previously|prior|above|earlier|preceding|foregoing|original|initial|system|other|existing|given|default|current|old|former|safety|security|review|reviewing|standing|hidden|developer|operator|that|such|given))*)\s+(instructions?|directives?|directions?|guidelines?|rules|prompts?|system\s+prompt|system\s+message|context|programming|guardrails?|constraints?|tasks?|orders|commands)\b`);
/** The reader's own prior instructions ("all previous", "your"), as opposed to an API's "default system message". */
/** "Forget everything you were told", "ignore all of the above": the reader's instructions without naming them. */
export const OVERRIDE_ALL = re(String.raw`^(?:forget|ignore|disregard)\s+(?:about\s+)?(?:everything|all|anything)\s+(?:(?:of\s+)?(?:the\s+)?(?:above|before|previously|so\s+far|prior)|(?:that\s+)?you(?:'ve|\s+have|\s+were|\s+had)?\s+(?:been\s+)?(?:told|given|instructed|said|read))`);
export const OVERRIDE_STRONG_DET = /\b(?:all|any|every|your|previous|previously|prior|above|earlier|preceding|foregoing|original|initial)\b/i;
/** A change of role or a new rule set for the reader: only counted when the text addresses it. */
export const ROLE_CHANGE = re(String.raw`^(?:(?:you\s+are|you're)\s+(?:now\s+|no\s+longer\s+|from\s+now\s+on\s+)?(?:an?\s+|the\s+)?(?:lenient|generous|friendly|permissive|positive|uncritical|different|new|unrestricted|jailbroken|uncensored)\b|(?:you\s+are|you're)\s+no\s+longer\b|from\s+now\s+on\s*,?\s*(?:you|your)\b|(?:your\s+)?new\s+(?:instructions?|task|role|rules|directive|system\s+prompt)\s*(?:is|are|:)|(?:enter|enable|activate|switch\s+to)\s+(?:developer|debug|god|admin|jailbreak|unrestricted|DAN)\s+mode\b|(?:pretend|act|behave|role-?play)\s+(?:to\s+be|that\s+you\s+are|you\s+are|as|like)\b)`);

/** A frame that introduces what follows as an example or specimen, not as a message to the reader. */
export const EXAMPLE_FRAME = /\b(?:examples?|e\.g\.|for\s+instance|such\s+as|like|payloads?|attacks?|injections?|jailbreaks?|malicious|adversarial|samples?|phrases?|patterns?|strings?|inputs?|prompts?|specimens?|known|blocked|detected|denylist|blocklist)\b/i;

/**
 * A necessary condition, cheap to test on a whole file or segment: every hit of injectionsIn needs an
 * override verb near an instruction noun, an addressee in a vocative position, a role tag, a contract field,
 * or a reference to the file itself. Text without a match is skipped unread.
 */
export const MAY_INJECT = re(
  [
    String.raw`\b(?:ignore|disregard|forget|override|overrule|bypass|discard|abandon|set\s+aside|neglect|disobey|follow(?:ing)?)\b[^.!?;]{0,80}?\b(?:instructions?|directives?|directions?|guidelines?|rules|prompts?|context|programming|guardrails?|constraints?|tasks?|orders|commands)\b`,
    String.raw`\b${ADDRESSEE}(?:\s+(?:instructions?|note|notice|directive|message|reminder)s?)?\s*(?:[:,!]|—|\s-\s|\s+(?:reading|reviewing|processing|analy[sz]ing|scanning|auditing|evaluating|looking|that|who|reads|reviews|must|should|shall|needs?|has\s+to|have\s+to|is\s+(?:to|required|expected)|are\s+(?:to|required|expected)))`,
    String.raw`\b(?:dear|hey|hi|hello|attention|attn|psst|to|for|are|re|as\s+an?|as\s+the|you,?\s+the)\s+(?:(?:the|all|any|every|each|an?)\s+)?(?:[\w-]+\s+)?${ADDRESSEE}\b`,
    String.raw`\b(?:whoever|whatever|anyone|anything|anybody|any|every|all|each)\s+(?:[\w-]+\s+){0,2}(?:(?:that|which|who)\s+)?(?:is\s+|are\s+)?${READING}\b`,
    ROLE_LINE.source.replace("^[ \\t]*", "^"), ROLE_TOKEN.source, ROLE_JSON.source,
    String.raw`\b(?:verdict|critical_failures|verified_components|missing_components|static_claims)\b`,
    SELF_REF.source,
  ].join("|"),
  "im",
);
/**
 * Further necessary conditions, kept out of MAY_INJECT's single alternation (which they would make half again
 * slower on every file): a role label after indentation or opening a quoted value ("_comment": "SYSTEM: …"),
 * and the reader's own instructions named without an override verb ("your previous instructions").
 */
const ROLE_INDENTED = /^[ \t]+(?:system|assistant|developer|human)\s*:\s*\S|["'][ \t]*(?:system|assistant|developer|human)\s*:\s*\S/im;
export const mayInjectEnglish = (t: string) => MAY_INJECT.test(t) || ROLE_INDENTED.test(t) || INSTRUCTIONS_OWN.test(t);
