/**
 * The curated word lists behind the resource-naming rules (group A of ../shared/guidelines.md),
 * and the small helpers that read a path segment as words.
 *
 * Rules match whole tokens, never substrings: `posters` is not `post`, `budgets` is not
 * `get`. Every list is curated by hand against real API descriptions; a part-of-speech tagger
 * reads `address`, `access`, `process` as verbs, and `pluralize` reads `lens` as a plural.
 */
import { parsePath, splitWords, type PathSegment } from '../../src/engine/model/path';

// ---------------------------------------------------------------------------------------------
// Verbs (no-verb-in-path)

/** Tier 1 (guidelines, section A): verbs flagged on sight at the start of a segment or camelCase prefix. */
export const TIER1_VERBS: ReadonlySet<string> = new Set([
  'get', 'fetch', 'retrieve', 'read', 'load', 'list', 'find', 'show', 'create', 'add', 'insert', 'new', 'make',
  'generate', 'update', 'edit', 'modify', 'change', 'set', 'save', 'delete', 'remove', 'destroy', 'erase', 'purge',
  'cancel', 'approve', 'reject', 'activate', 'deactivate', 'enable', 'disable', 'execute', 'perform', 'do',
  'calculate', 'compute', 'validate', 'verify', 'submit', 'send', 'assign', 'unassign', 'attach', 'detach',
  'subscribe', 'unsubscribe', 'lock', 'unlock', 'sync',
]);

/** Tier 2 (guidelines, section A): words that are verbs and nouns; flagged only in a verb+object compound, or alone when the method contradicts. */
export const TIER2_VERBS: ReadonlySet<string> = new Set([
  'search', 'query', 'export', 'import', 'upload', 'download', 'login', 'logout', 'signin', 'signup', 'register',
  'reset', 'process', 'check', 'run', 'start', 'stop', 'transfer', 'review', 'request', 'report', 'order', 'match',
  'access', 'address', 'view',
]);

/** Tier 1 verbs that only read, compute or check: a GET segment starting with one changes nothing. */
const TIER1_NON_MUTATING_VERBS: ReadonlySet<string> = new Set([
  'get', 'fetch', 'retrieve', 'read', 'load', 'list', 'find', 'show', 'generate', 'calculate', 'compute', 'validate', 'verify',
]);

/** Tier 2 words that change state when they are the action (`/password/reset`, `/user/logout`). */
const TIER2_MUTATING_VERBS: readonly string[] = ['reset', 'logout'];

/**
 * Verbs that change state (tier 1 without the reads and checks, plus `reset` and `logout`):
 * a GET whose path starts a segment with one (`/users/{id}/delete`, `/cancelOrder`) may
 * change data when called, so the prober treats it as a mutation, and safe-methods-safe
 * reports it when it answers.
 */
export const STATE_CHANGING_VERBS: ReadonlySet<string> = new Set([
  ...[...TIER1_VERBS].filter((verb) => !TIER1_NON_MUTATING_VERBS.has(verb)),
  ...TIER2_MUTATING_VERBS,
]);

/** The state-changing verb a path's literal segment starts with (`delete` in `/users/{id}/delete`), if any. */
export function stateChangingVerbOf(path: string): string | undefined {
  for (const segment of parsePath(path)) {
    if (segment.kind !== 'literal') continue;
    const first = splitWords(segment.text)[0]?.toLowerCase();
    if (first && STATE_CHANGING_VERBS.has(first)) return first;
  }
  return undefined;
}

/**
 * Tier 1 verbs that real APIs also use as nouns or adjectives: `/issues/{n}/lock` (PUT and
 * DELETE a lock), `change_events`, `load_balancers`, `new-releases`, `do_settings` (DigitalOcean),
 * `/compute/settings`. They are reported only where the segment is clearly an action: the
 * last segment of a path whose operations are all POST (`/transactions/sync`, `/change_tags`).
 */
export const TIER1_ALSO_NOUNS: ReadonlySet<string> = new Set(['change', 'compute', 'do', 'load', 'lock', 'make', 'new', 'read', 'set', 'show', 'sync']);

/**
 * Tier 2 words whose action a GET contradicts: alone, they are reported only when the path
 * answers GET and nothing else (`GET /user/logout`). Most tier 2 words are nouns under GET
 * (`GET /account/transfer` is network transfer, `GET /repos/{r}/import` an import's status),
 * and `search`, `login`, `export` are never reported alone (guidelines).
 */
export const TIER2_CONTRADICTED_BY_GET: ReadonlySet<string> = new Set(['logout']);

/**
 * Head nouns that turn a tier 2 word into a noun modifier rather than a verb:
 * `check-runs`, `access_tokens`, `login_links`, `upload_url`, `report_types`, `orderItems`.
 * (`searchUsers`, `export-orders` end in the object of the verb, not in one of these.)
 */
export const TIER2_NOUN_HEADS: ReadonlySet<string> = new Set([
  'attempt', 'attempts', 'code', 'codes', 'config', 'configs', 'configuration', 'configurations', 'control', 'controls',
  'count', 'counts', 'criteria', 'date', 'dates', 'details', 'entries', 'entry', 'field', 'fields', 'form', 'forms',
  'group', 'groups', 'history', 'id', 'ids', 'info', 'item', 'items', 'job', 'jobs', 'key', 'keys', 'level', 'levels',
  'limit', 'limits', 'line', 'lines', 'link', 'links', 'list', 'lists', 'log', 'logs', 'management', 'method',
  'methods', 'mode', 'modes', 'number', 'numbers', 'options', 'page', 'pages', 'permissions', 'point', 'points',
  'policies', 'policy', 'report', 'reports', 'result', 'results', 'role', 'roles', 'rule', 'rules', 'run', 'runs',
  'security', 'session', 'sessions', 'settings', 'state', 'status', 'statuses', 'suite', 'suites', 'summary',
  'syndication', 'template', 'templates', 'time', 'times', 'token', 'tokens', 'type', 'types', 'uri', 'uris', 'url',
  'urls', 'window', 'windows',
]);

/**
 * A verb followed by one of these is a phrasal noun, not an action: `add-ons`, `AddOnResults`,
 * `check-ins`, `set-ups`.
 */
export const PHRASAL_PARTICLES: ReadonlySet<string> = new Set(['on', 'ons', 'ins', 'ups', 'outs']);

/** Words after a verb that leave no noun to name (`findByStatus`, `create_from_calculation`): no suggestion is made. */
export const PREPOSITIONS: ReadonlySet<string> = new Set(['by', 'for', 'from', 'in', 'of', 'on', 'per', 'to', 'via', 'with', 'at', 'into']);

// ---------------------------------------------------------------------------------------------
// HTTP methods (no-http-method-in-path)

/** The method names the guidelines list; which of them are reported, and where, is below. */
export const HTTP_METHOD_TOKENS: readonly string[] = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/** Never a noun in a URL: reported wherever they stand as a token (`bulk-delete`, `users.profile.get`). */
export const METHOD_TOKENS_ALWAYS_VERBS: ReadonlySet<string> = new Set(['get', 'put', 'delete']);

/**
 * Also nouns (a blog post, a software patch): reported alone as an action segment
 * (`/payments/{id}/post`) or as the verb of a compound with a singular object (`postMessage`),
 * never in a noun phrase (`post_updates`, `patch-notes`) or before `{id}` (`/post/{postId}`).
 */
export const METHOD_TOKENS_ALSO_NOUNS: ReadonlySet<string> = new Set(['post', 'patch']);

/*
 * `head` and `options` are never reported: in real URLs they are nouns (`branches-where-head`,
 * git's HEAD, `/databases/options`, `packingOptions`), and no API spells the HEAD or OPTIONS
 * method into a path.
 */

// ---------------------------------------------------------------------------------------------
// Standard methods (no-crud-custom-method)

export type StandardMethod = 'Get' | 'List' | 'Create' | 'Update' | 'Replace' | 'Delete';

/** Custom-method verbs (AIP-136) that restate a standard method (AIP-131..135), and which one. */
export const CRUD_CUSTOM_METHODS: ReadonlyMap<string, StandardMethod> = new Map<string, StandardMethod>([
  ['get', 'Get'], ['read', 'Get'], ['fetch', 'Get'], ['retrieve', 'Get'], ['show', 'Get'],
  ['list', 'List'],
  ['create', 'Create'], ['add', 'Create'], ['insert', 'Create'], ['new', 'Create'], ['post', 'Create'],
  ['update', 'Update'], ['edit', 'Update'], ['modify', 'Update'], ['patch', 'Update'],
  ['replace', 'Replace'], ['put', 'Replace'],
  ['delete', 'Delete'], ['remove', 'Delete'], ['destroy', 'Delete'], ['erase', 'Delete'],
]);

// ---------------------------------------------------------------------------------------------
// Plural collections (plural-collections)

/** Singletons: one per parent, never a collection (`/me`, `/users/{id}/settings`, `/readme/{dir}`). */
export const SINGLETONS: ReadonlySet<string> = new Set([
  'me', 'self', 'my', 'myself', 'myaccount', 'current', 'health', 'healthz', 'liveness', 'readiness', 'status',
  'settings', 'config', 'configuration', 'env', 'root', 'home', 'dashboard', 'overview', 'summary', 'version',
  'readme', 'tarball', 'zipball', 'search', 'query', 'login', 'logout', 'signin', 'signup',
]);

/** Uncountable (mass) nouns: both singular and plural (`/news`, `/metadata/{scope}`, `/history/{id}`). */
export const UNCOUNTABLES: ReadonlySet<string> = new Set([
  'data', 'metadata', 'news', 'information', 'info', 'feedback', 'analytics', 'media', 'series', 'species',
  'equipment', 'software', 'hardware', 'firmware', 'middleware', 'malware', 'music', 'audio', 'money', 'cash',
  'advice', 'evidence', 'knowledge', 'research', 'traffic', 'weather', 'inventory', 'staff', 'personnel', 'content',
  'storage', 'usage', 'history', 'logic', 'work', 'security', 'privacy', 'availability', 'connectivity',
  'visibility', 'compliance', 'bandwidth', 'throughput', 'latency', 'telemetry', 'income', 'revenue',
  'documentation', 'progress', 'trash', 'garbage', 'spam', 'sheep', 'deer', 'fish', 'aircraft', 'moose',
]);

/** Acronyms and protocol names, read as codes rather than nouns (`/sms`, `/dns`, `/Siprec/{Sid}`). Words without a vowel (`ssh`, `tls`) count too. */
export const ACRONYMS: ReadonlySet<string> = new Set([
  'sms', 'mms', 'dns', 'kpis', 'gps', 'api', 'url', 'uri', 'sip', 'siprec', 'imap', 'iot', 'otp', 'ios', 'aws',
  'ami', 'oidc', 'saml', 'scim', 'ldap', 'sso', 'cors', 'jwt', 'json', 'xml', 'yaml', 'csv', 'pdf',
]);

/** Namespaces and version markers that group resources without being collections (`/api`, `/admin`, `/auth`, `/v1`). */
export const NAMESPACES: ReadonlySet<string> = new Set([
  'api', 'admin', 'auth', 'authn', 'authz', 'oauth', 'webauthn', 'internal', 'public', 'private', 'beta', 'alpha',
  'preview', 'sandbox', 'test', 'dev', 'staging', 'prod', 'live', 'rest', 'graphql', 'rpc', 'web', 'legacy',
  'system', 'global', 'platform', 'core', 'git', 'iam', 'mfa', 'tfa', 'well-known',
]);

/** Adjectives that name a kind inside a collection rather than a collection (`/images/custom/{id}`, `/swaps/bulk/{id}`). */
export const QUALIFIERS: ReadonlySet<string> = new Set([
  'all', 'async', 'batch', 'bulk', 'custom', 'default', 'latest', 'local', 'primary', 'recent', 'shared', 'sync',
]);

/** Plurals that do not end in `s` (and a few same-form nouns). */
const IRREGULAR_PLURALS: ReadonlySet<string> = new Set([
  'people', 'children', 'men', 'women', 'feet', 'teeth', 'mice', 'geese', 'lice', 'oxen', 'dice', 'indices',
  'vertices', 'matrices', 'appendices', 'criteria', 'phenomena', 'alumni', 'cacti', 'fungi', 'nuclei', 'radii',
  'stimuli', 'syllabi', 'bacteria', 'curricula', 'memoranda', 'strata', 'schemata', 'corpora', 'genera', 'larvae',
  'formulae', 'antennae',
]);

/** Singular nouns that end in `s` but not in `ss`, `us`, `sis` or `xis` (which are read as singular anyway). */
const SINGULAR_ENDING_IN_S: ReadonlySet<string> = new Set([
  'lens', 'canvas', 'atlas', 'alias', 'bias', 'gas', 'plus', 'minus', 'yes', 'chaos', 'kudos', 'ethos', 'cosmos',
  'pathos', 'thermos', 'iris', 'tennis', 'chassis', 'debris', 'os', 'christmas', 'pancreas', 'mathematics', 'physics',
]);

/** Plurals ending in `us`, which otherwise reads as singular (`status`, `virus`, `bonus`). */
const PLURALS_ENDING_IN_US: ReadonlySet<string> = new Set(['menus', 'skus', 'gurus', 'emus', 'haikus', 'tutus', 'cpus', 'gpus', 'tofus']);

/** Countable nouns ending in `-ing` (other `-ing` words are read as uncountable gerunds: `billing`, `pricing`, `following`). */
const COUNTABLE_ING: ReadonlySet<string> = new Set([
  'meeting', 'building', 'listing', 'booking', 'recording', 'setting', 'thing', 'string', 'ring', 'painting',
  'drawing', 'heading', 'finding', 'holding', 'offering', 'posting', 'warning', 'rating', 'reading', 'mapping',
  'binding', 'pairing', 'filing', 'saving', 'wing', 'king', 'ping', 'embedding', 'earning',
]);

/**
 * "Is this word plural, or a noun with no plural?" It answers yes or no for the word's form
 * only; a "no" is not proof of a singular countable noun, so callers also consult the
 * allow-lists. `lens`, `canvas`, `address`, `status`, `analysis` are singular; `emojis`,
 * `repos`, `policies`, `people`, `data`, `news` are plural or uncountable.
 */
export function isPluralOrUncountable(word: string): boolean {
  const w = word.toLowerCase();
  if (UNCOUNTABLES.has(w) || IRREGULAR_PLURALS.has(w)) return true;
  if (SINGULAR_ENDING_IN_S.has(w)) return false;
  if (w.endsWith('ing') && w.length > 5) return !COUNTABLE_ING.has(w);
  if (/(ss|sis|xis)$/.test(w)) return false;
  if (w.endsWith('us')) return PLURALS_ENDING_IN_US.has(w);
  return w.endsWith('s') && w.length > 1;
}

const IRREGULAR_PLURAL_OF: ReadonlyMap<string, string> = new Map([
  ['person', 'people'], ['child', 'children'], ['man', 'men'], ['woman', 'women'], ['foot', 'feet'], ['tooth', 'teeth'],
  ['mouse', 'mice'], ['goose', 'geese'], ['criterion', 'criteria'], ['leaf', 'leaves'], ['knife', 'knives'],
  ['life', 'lives'], ['wife', 'wives'], ['half', 'halves'], ['shelf', 'shelves'], ['wolf', 'wolves'], ['thief', 'thieves'],
  ['hero', 'heroes'], ['potato', 'potatoes'], ['tomato', 'tomatoes'], ['echo', 'echoes'], ['veto', 'vetoes'],
]);

/**
 * A plural for a suggestion in a message, never for an automatic fix: generated plurals go
 * wrong on unusual words, so a human reads it first.
 */
export function pluralOf(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR_PLURAL_OF.get(w);
  if (irregular) return irregular;
  if (w.endsWith('sis')) return `${w.slice(0, -3)}ses`;
  if (/(s|x|z|ch|sh)$/.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  return `${w}s`;
}

/** `v1`, `v2beta`, `v1.2`, `1.0`, `2010-04-01`: version segments, which name no resource. */
export function isVersionSegment(text: string): boolean {
  return /^v\d+([a-z]+\d*)?(\.\d+)*$/i.test(text) || /^\d+([.-]\d+)*$/.test(text);
}

/** Whether a token reads as an acronym or code rather than a noun (`dns`, `ssh`, `a2p`). */
export function isAcronym(token: string): boolean {
  return ACRONYMS.has(token) || token.length < 3 || !/[aeiouy]/.test(token);
}

// ---------------------------------------------------------------------------------------------
// Reading a segment as words

/** A word of a segment, with its offsets inside the segment's text. */
export interface WordPart {
  /** The part as written (`users`, `postMessage`). */
  text: string;
  /** Offset of `text` inside the segment text. */
  offset: number;
  tokens: string[];
}

/** How the naming rules see one path segment. */
export interface SegmentView {
  segment: PathSegment;
  text: string;
  /** `literal`: names something; `param`: `{id}`, an Express-style `:id`, or `{id}` plus a custom method. */
  kind: 'literal' | 'param' | 'mixed';
  params: string[];
  /** The name before a `:customMethod`, split on `.` (Slack-style `chat.postMessage` has two parts). */
  parts: WordPart[];
  customMethod?: string;
  /** Offset of the `:` that starts the custom method, inside `text`. */
  customMethodAt?: number;
}

/** Reads a segment for the naming rules: its name split into `.`-separated parts (Slack's `chat.postMessage`), each into words. */
export function viewSegment(segment: PathSegment): SegmentView {
  // Several rules view the same segment objects: compute once per segment.
  let view = views.get(segment);
  if (!view) {
    view = computeView(segment);
    views.set(segment, view);
  }
  return view;
}

const views = new WeakMap<PathSegment, SegmentView>();

function computeView(segment: PathSegment): SegmentView {
  const { text, params, customMethod } = segment;
  const customMethodAt = customMethod === undefined ? undefined : text.length - customMethod.length - 1;
  const parts: WordPart[] = [];
  if (segment.kind === 'literal') {
    let offset = 0;
    for (const part of segment.name.split('.')) {
      if (part !== '') parts.push({ text: part, offset, tokens: splitWords(part) });
      offset += part.length + 1;
    }
  }
  // `{a}:{b}`: a compound key reads as a parameter.
  const kind = segment.kind === 'mixed' && /^\{[^{}]*\}(:|$)/.test(text) ? 'param' : segment.kind;
  return { segment, text, kind, params, parts, customMethod, customMethodAt };
}

/** Where each token of `splitWords(text)` starts in `text` (tokens come from the text in order). */
export function tokenOffsets(text: string, tokens: readonly string[]): number[] {
  const lower = text.toLowerCase();
  const offsets: number[] = [];
  let cursor = 0;
  for (const token of tokens) {
    const at = lower.indexOf(token, cursor);
    offsets.push(at === -1 ? cursor : at);
    cursor = at === -1 ? cursor : at + token.length;
  }
  return offsets;
}

// ---------------------------------------------------------------------------------------------
// Action verbs beyond the tiers (post-create-201-location, operation-verb-matches-method, no-verb-in-path)

/**
 * Verbs beyond the tiers: the ordinary actions of real APIs, which are also nouns or read as
 * names often enough (`/archive`, `/test`, `/refund`) that they are reported only where a path
 * is clearly an action: its last segment, after a parameter, answering POST or PUT only
 * (`POST /charges/{id}/capture`, `POST /invoices/{id}/finalize`). Also what makes a POST
 * segment an action rather than a creation (post-create-201-location).
 */
export const ACTION_VERBS: ReadonlySet<string> = new Set([
  'copy', 'move', 'rerun', 're', 'retry', 'merge', 'dispatch', 'publish', 'unpublish', 'restore', 'archive', 'unarchive',
  'revoke', 'refresh', 'redeliver', 'resend', 'confirm', 'close', 'reopen', 'pause', 'resume', 'suspend', 'test',
  'ping', 'preview', 'render', 'convert', 'estimate', 'simulate', 'authorize', 'authenticate', 'introspect', 'rotate',
  'regenerate', 'rename', 'clone', 'fork', 'void', 'finalize', 'mark', 'reorder', 'sort', 'apply', 'accept', 'decline',
  'rerequest', 'duplicate', 'snooze', 'exchange', 'provision', 'deprovision', 'trigger', 'invoke', 'acknowledge',
  'resolve', 'escalate', 'enroll', 'unenroll', 'link', 'unlink', 'share', 'unshare', 'follow', 'unfollow',
  // Payments and commerce (Stripe, Adyen, Plaid).
  'capture', 'pay', 'refund', 'checkout', 'charge', 'reverse', 'expire', 'settle', 'withdraw', 'redeem', 'fund', 'increment',
  'decrement', 'advance', 'succeed', 'fail', 'release', 'redact', 'present', 'reconcile', 'authorise',
  // Infrastructure (Linode, DigitalOcean, Meraki, Argo).
  'reboot', 'restart', 'resize', 'rebuild', 'recycle', 'migrate', 'rollback', 'upgrade', 'downgrade', 'deploy',
  'redeploy', 'undeploy', 'boot', 'shutdown', 'terminate', 'resubmit', 'retire', 'lint', 'blink', 'install', 'uninstall',
  'bind', 'unbind', 'connect', 'disconnect', 'reinstall', 'scale', 'promote', 'demote', 'failover', 'replay', 'resync',
  // Collaboration and workflow (GitHub, Asana, Slack, Okta).
  'commit', 'dismiss', 'reassign', 'trim', 'unstack', 'claim', 'unclaim', 'invite', 'reinvite', 'join', 'leave', 'kick',
  'ban', 'unban', 'mute', 'unmute', 'pin', 'unpin', 'star', 'unstar', 'block', 'unblock', 'hide', 'unhide', 'flag',
  'unflag', 'complete', 'reactivate', 'reinstate', 'notify', 'remind', 'schedule', 'reschedule', 'skip', 'upsert',
  'replace', 'transition', 'sign', 'encrypt', 'decrypt', 'translate', 'classify', 'analyze', 'analyse', 'summarize',
  'expand', 'collapse', 'clear', 'empty', 'flush', 'evict', 'hold', 'unhold', 'restrict', 'unrestrict', 'unmerge',
  'revert', 'propose', 'associate', 'disassociate', 'combine', 'defer', 'renew', 'wipe', 'swap', 'prepare', 'unregister',
  'invalidate', 'enrich', 'enhance', 'evaluate', 'distribute', 'extract', 'ask', 'enqueue', 'dequeue', 'deliver', 'ship',
  'return', 'play', 'seek', 'shuffle', 'end', 'unfurl', 'deny', 'open',
]);

/**
 * Action verbs that are nouns often enough that they never end an object+verb compound
 * (`magic-link`, `smoke-test`, `data-export`, `code-review`): only a compound that starts with
 * them (`link-account`, `test-webhook`) reads as an action.
 */
export const VERBS_ALSO_COMPOUND_NOUNS: ReadonlySet<string> = new Set([
  'link', 'test', 'preview', 'exchange', 'ping', 'share', 'sort', 'trigger', 'release', 'commit', 'fund', 'charge',
  'flag', 'block', 'pin', 'star', 'schedule', 'transition', 'rollback', 'upgrade', 'present', 'hold', 'empty', 'merge',
  'copy', 'archive', 'refund', 'checkout', 'claim', 'advance', 'complete', 'sign', 'scale', 'install', 'boot', 'fork',
  'render', 'estimate', 'follow', 'mark', 'clear', 'leave', 'join', 'deploy', 'close', 'dispatch', 'import', 'export',
  'upload', 'download', 'report', 'request', 'review', 'order', 'match', 'access', 'address', 'view', 'query', 'search',
  'process', 'check', 'transfer', 'login', 'logout', 'signin', 'signup', 'register', 'return', 'swap', 'ship', 'play', 'end', 'open',
]);

/** Tier 2 words never reported alone, whatever the document says (guidelines: "never `search`, `login`, `export` alone"). */
export const NOUNS_WHEN_ALONE: ReadonlySet<string> = new Set(['search', 'login', 'export']);

/** Tier 2 words that are the verb of a compound at the end of an action path even before a noun head (`runReport`, `start-session`). */
export const TIER2_ACTION_VERBS: ReadonlySet<string> = new Set(['run', 'start', 'stop', 'reset']);

/** Words before a verb that qualify it rather than name an object: `bulk-delete`, `batch-update`, `force-cancel`. */
export const ACTION_PREFIXES: ReadonlySet<string> = new Set(['bulk', 'batch', 'mass', 'force']);

/** Whether the lexicon knows the word as a verb: a tier 1 or tier 2 verb, or an action verb. */
export function isLexiconVerb(word: string): boolean {
  return TIER1_VERBS.has(word) || TIER2_VERBS.has(word) || ACTION_VERBS.has(word);
}

/**
 * The verb of a compound whose verb is not its first word, and the verb's index: after a
 * qualifying prefix (`bulk-delete`, `batchUpdate`, `force-cancel`), or at the end of an
 * object+verb compound (`report-run`, `password-reset`, `email-verify`). Undefined for a
 * compound that starts with its verb (the tiers handle `markAsRead`, `runReport`) and for a
 * noun phrase (`magic-link`, `smoke-test`, `check-runs`).
 */
export function laterVerbOf(tokens: readonly string[]): { verb: string; index: number } | undefined {
  // A tier 2 word first is a noun modifier here (`report-run`, `order-cancel`): the verb may still come last.
  if (tokens.length < 2 || TIER1_VERBS.has(tokens[0]) || ACTION_VERBS.has(tokens[0])) return undefined;
  if (ACTION_PREFIXES.has(tokens[0]) && isLexiconVerb(tokens[1])) return { verb: tokens[1], index: 1 };
  const index = tokens.length - 1;
  const last = tokens[index];
  if (!isLexiconVerb(last) || VERBS_ALSO_COMPOUND_NOUNS.has(last) || TIER1_ALSO_NOUNS.has(last)) return undefined;
  if (PHRASAL_PARTICLES.has(last) || isPluralOrUncountable(last)) return undefined;
  return { verb: last, index };
}

/** Verbs beyond the naming lists that start an action segment (`/make-default`, `/reassign`). */
export const SEGMENT_ACTION_VERBS: ReadonlySet<string> = new Set(['reassign', 'trim', 'revoke', 'rotate', 'refresh', 'restore', 'copy', 'move', 'merge', 'mark', 'unstack', 'claim']);

/** Verbs that add or remove members, so their single object names a collection: `createOrder` → `orders`. */
export const MEMBERSHIP_VERBS: ReadonlySet<string> = new Set(['create', 'add', 'insert', 'new', 'generate', 'remove', 'delete', 'destroy', 'erase', 'upload', 'import']);

/** Bare verbs a standard method on the parent path expresses: `/secrets/delete` → DELETE `/secrets`. */
export const STANDARD_VERBS: ReadonlySet<string> = new Set(['get', 'fetch', 'retrieve', 'list', 'create', 'add', 'insert', 'update', 'edit', 'modify', 'delete', 'remove', 'destroy', 'erase']);

/** Verbs after the `or` of an upsert: "Create or update", `updateOrCreateInvoices`, `createOrReplace…`. */
export const UPSERT_SECOND_VERBS: readonly string[] = ['create', 'update', 'replace', 'add', 'insert', 'set'];

/** Words that make a POST a search, a batch or a token exchange rather than a creation. */
export const NOT_CREATION_WORDS: ReadonlySet<string> = new Set(['search', 'searches', 'query', 'queries', 'batch', 'bulk', 'token', 'oauth', 'graphql']);

// ---------------------------------------------------------------------------------------------
// Identifier words (post-create-201-location, path-shape, plural-collections)

/** Properties that identify a created resource in a response body. */
export const ID_PROPERTY_NAMES: ReadonlySet<string> = new Set(['id', 'uuid', 'gid', 'sid', 'guid', 'uid']);

/** Last words of a parameter name that make it the identifier of a named thing (`role_id`, `podName`). */
export const ID_PARAMETER_WORDS: ReadonlySet<string> = new Set([...ID_PROPERTY_NAMES, 'ids', 'name', 'number', 'slug']);

/** Parameter names that say "the identifier of whatever the previous segment names". */
export const GENERIC_ID_WORDS: ReadonlySet<string> = new Set([...ID_PARAMETER_WORDS, 'key', 'identifier']);

/** Parameters that pick a period rather than a member (`/transfer/{year}/{month}`). */
export const PERIOD_WORDS: ReadonlySet<string> = new Set(['year', 'month', 'week', 'day', 'date', 'period']);

// ---------------------------------------------------------------------------------------------
// Stack traces (no-stack-trace, lib/stack-traces)

/** Member names (lower case, without `_` and `-`) that carry traces; `trace` only as text or frames. */
export const STACK_TRACE_MEMBERS: ReadonlySet<string> = new Set(['stack', 'stacktrace', 'callstack', 'backtrace', 'exception', 'trace']);

/** Fields of an object in a `trace` array that make it a stack frame (Laravel, Symfony). */
export const STACK_FRAME_FIELDS: readonly string[] = ['file', 'line', 'function', 'method', 'class', 'lineNumber', 'fileName'];

// ---------------------------------------------------------------------------------------------
// Collections and pagination (paginate-collections)

/** Query parameters that page a list (compared lowercase, without `-`/`_`/`$`). */
export const PAGING_PARAMETERS: ReadonlySet<string> = new Set([
  'page', 'pagenumber', 'pagenum', 'pagesize', 'perpage', 'limit', 'cursor', 'offset', 'startingafter', 'endingbefore',
  'after', 'before', 'pagetoken', 'nextpagetoken', 'continuationtoken', 'marker', 'since', 'top', 'skip', 'maxresults',
]);

/** Segments of reports and time series (`/stats/…`, `/summary/top/…`, `…/usageHistory`, Meraki's `…/byInterval` pivots): bounded by their query, not collections to page. */
export const REPORT_TOKENS: ReadonlySet<string> = new Set(['stats', 'statistics', 'summary', 'overview', 'analytics', 'metrics', 'insights', 'top', 'timeseries']);

/** Last words of reference lists, small fixed enumerations by nature: `/hooks/types`, `/voice/regions`. */
export const REFERENCE_TOKENS: ReadonlySet<string> = new Set(['types', 'kinds', 'regions', 'locales', 'languages', 'currencies', 'countries', 'timezones']);

// ---------------------------------------------------------------------------------------------
// Well-known endpoints (document-errors, lib/versions)

/** Last segments of health, liveness and ping endpoints, which answer 200 or fail at the network level. */
export const HEALTH_SEGMENTS: ReadonlySet<string> = new Set(['health', 'healthz', 'healthcheck', 'health-check', 'health_check', 'ping', 'status', 'livez', 'readyz', 'live', 'ready', 'liveness', 'readiness', 'heartbeat', 'alive']);

/**
 * First segments of paths that stay unversioned by convention: OAuth and OpenID endpoints
 * (their URLs are set by the protocol, Box's `/oauth2/token`), well-known URIs, health
 * checks, the description itself. A `<placeholder>` path (DigitalOcean's `/<upload_url>`,
 * a presigned URL) is not the API's URI at all.
 */
export const UNVERSIONED_BY_CONVENTION: ReadonlySet<string> = new Set([
  'oauth', 'oauth2', 'authorize', 'token', 'revoke', 'userinfo', '.well-known', 'health', 'healthz', 'livez', 'readyz',
  'ping', 'openapi.json', 'openapi.yaml', 'swagger.json', 'swagger.yaml',
]);

// ---------------------------------------------------------------------------------------------
// File extensions (no-file-extension, parent-paths-exist)

/** Representation extensions: the suffix picks a format that an `Accept` header should pick. */
export const REPRESENTATION_EXTENSIONS: readonly string[] = ['json', 'xml', 'csv', 'tsv', 'yaml', 'yml', 'html', 'htm', 'txt', 'atom', 'rss', 'ndjson', 'jsonl'];

/** Formats an API negotiates; the other extensions (`csv`, `txt`, …) are also file formats. */
export const STRUCTURED_EXTENSIONS: ReadonlySet<string> = new Set(['json', 'xml', 'yaml', 'yml', 'ndjson', 'jsonl', 'atom', 'rss']);

// ---------------------------------------------------------------------------------------------
// Credentials, tracing and outcomes (api-key-not-in-query, request-tracing, no-error-in-2xx)

/** Query parameter names that are credentials whatever they describe (compared lowercase, without `-`/`_`). */
export const CREDENTIAL_NAMES: ReadonlySet<string> = new Set(['apikey', 'xapikey', 'apitoken', 'accesstoken', 'authtoken', 'bearertoken', 'apisecret', 'secretkey']);

/** `token` alone is also a page token or an invitation token: only when described as a credential. */
export const GENERIC_CREDENTIAL_NAMES: ReadonlySet<string> = new Set(['token', 'auth']);

/** Properties whose enum may state only the request's outcome (`status: [ok, failed]`). */
export const OUTCOME_PROPERTY_NAMES: readonly string[] = ['status', 'state', 'result', 'outcome'];

/** Whole names (lowercase, letters and digits only) of tracing headers. */
export const TRACE_HEADERS: ReadonlySet<string> = new Set(['traceparent', 'b3', 'xb3traceid', 'xamzntraceid', 'xcloudtracecontext', 'ubertraceid']);

