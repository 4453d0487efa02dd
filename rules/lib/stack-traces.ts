/**
 * Finds stack traces, internal source paths and database errors in response bodies, per
 * runtime, for no-stack-trace's live check. Every detector needs a shape only a machine
 * writes (a frame with a source file and a line number, a runtime's own header line, a
 * database's error code), so correlation ids (`traceId`), an RFC 9457 title such as
 * "Internal Server Error", prose ("at least one item", "at 10:30"), URLs and dates pass.
 */
import { STACK_TRACE_MEMBERS, STACK_FRAME_FIELDS } from './words';

export interface StackTraceMatch {
  /** `Node.js`, `Java`, `Python`, `.NET`, `Ruby`, `PHP`, `Go`, `source path` or `SQL`. */
  runtime: string;
  /** The line that matched, trimmed, at most 200 characters. */
  line: string;
}

/** What a message calls a leak of each runtime: `a Node.js stack trace`. */
export function describeLeak(runtime: string): string {
  switch (runtime) {
    case 'Python':
      return 'a Python traceback';
    case 'Ruby':
      return 'a Ruby backtrace';
    case 'Go':
      return 'a Go panic trace';
    case 'PHP':
      return 'a PHP error trace';
    case 'source path':
      return 'an internal source file path';
    case 'SQL':
      return 'a database error';
    default:
      return `a ${runtime} stack trace`;
  }
}

/** Source file extensions: a path to one of these is a path into the server's code. */
const SOURCE_EXT = 'm?js|cjs|jsx|ts|tsx|mts|cts|py|pyc|rb|php|phtml|java|kt|kts|scala|groovy|clj|go|cs|vb|fs|cshtml|aspx|rs|c|cc|cpp|cxx|h|hpp|swift|ex|exs|erl|pl|pm|jsp|dart|lua';
/** Top-level directories where servers keep their code (a bare `/x.js` may be a URL path). */
const CODE_ROOTS = 'home|usr|var|opt|srv|app|root|Users|tmp|workspace|build|mnt|node_modules|vendor|site-packages';

interface Detector {
  runtime: string;
  test: RegExp;
  /** Also required somewhere in the whole text (Go's `panic:` needs a `.go:NN` frame). */
  with?: RegExp;
}

/** Tried in order on each line; the first line that matches any detector is the evidence. */
const DETECTORS: Detector[] = [
  // Node.js: `at fn (/path/file.js:10:5)`, `at /path/file.js:1:2`, `at async fn (file:///x.mjs:1:2)`, `at JSON.parse (<anonymous>)`, `node:internal/…`.
  { runtime: 'Node.js', test: /^at (?:async )?(?:new )?[^\s()]+(?: \[as [^\]]+\])? \((?:file:\/\/|webpack:\/\/)?[^()]*\.(?:m?js|cjs|jsx|ts|tsx|mts|cts)(?:\?[^:)]*)?:\d+:\d+\)$/ },
  { runtime: 'Node.js', test: /^at (?:async )?(?:file:\/\/)?(?:\/|[A-Za-z]:\\)[^\s()]*\.(?:m?js|cjs|jsx|ts|tsx|mts|cts):\d+:\d+$/ },
  { runtime: 'Node.js', test: /^at (?:async )?(?:new )?[^\s()]+(?: \[as [^\]]+\])? \((?:<anonymous>|node:[\w/]+:\d+:\d+|native)\)$/ },
  { runtime: 'Node.js', test: /^at (?:async )?node:[\w/]+:\d+:\d+$/ },
  { runtime: 'Node.js', test: /\(node:internal\/[\w/.]+:\d+:\d+\)|\bnode:internal\/[\w/.]+:\d+:\d+/ },
  // Java (and Kotlin, Scala, Groovy on the JVM): `at com.pkg.Class.method(File.java:42)`, module frames `at java.base/java.lang.Thread.run(Thread.java:833)`.
  { runtime: 'Java', test: /^at (?:[\w$.-]+(?:@[\w.-]+)?\/+)?(?:[\w$]+\.)+[\w$<>-]+\((?:[\w$.-]+\.(?:java|kt|scala|groovy|clj):\d+|Native Method|Unknown Source)\)$/ },
  { runtime: 'Java', test: /^Exception in thread "[^"]*" (?:[\w$]+\.)+[\w$]+/ },
  { runtime: 'Java', test: /^Caused by: (?:[a-z][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable)\b/ },
  { runtime: 'Java', test: /^(?:java|javax|jakarta|org|com|io|net|kotlin|scala|akka)\.(?:[a-z][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error)(?::|$)/ },
  { runtime: 'Java', test: /^\.\.\. \d+ (?:more|common frames omitted)$/, with: /^at (?:[\w$]+\.)+[\w$<>]+\(/m },
  // Python: the traceback header and its frames.
  { runtime: 'Python', test: /^Traceback \(most recent call last\):?$/ },
  { runtime: 'Python', test: /^File "[^"]+", line \d+(?:, in \S+)?$/ },
  // .NET: `at Ns.Class.Method() in C:\src\X.cs:line 42`, `at System.…(…)`, frames with typed parameters.
  { runtime: '.NET', test: /^at [\w.`<>[\],+|$ ]+\([^)]*\) in .+:line \d+$/ },
  { runtime: '.NET', test: /^at (?:System|Microsoft)\.[\w.`<>[\],+|]+\([^)]*\)/ },
  { runtime: '.NET', test: /^at (?:[\w`<>+]+\.){2,}[\w`<>|]+\((?:(?:[\w.`<>[\],&]+(?:\[\])? [\w@]+)(?:, (?:[\w.`<>[\],&]+(?:\[\])? [\w@]+))*)?\)$/ },
  { runtime: '.NET', test: /^--- End of (?:stack trace from previous location|inner exception stack trace) ---$/ },
  { runtime: '.NET', test: /^(?:System|Microsoft)(?:\.[A-Z]\w*)+Exception(?::|$| \()/ },
  // Ruby: `/app/x.rb:12:in 'method'` (Ruby 3.4) or with a backtick.
  { runtime: 'Ruby', test: /(?:^|\s|from )(?:\/|[A-Za-z]:[\\/]|\.\/)?[^\s:'"`]*\.rb:\d+:in [`'][^']*'/ },
  // PHP: the trace of an uncaught exception, fatal errors, `in /var/www/x.php on line 3`.
  { runtime: 'PHP', test: /^Stack trace:$/, with: /^\s*#0 /m },
  { runtime: 'PHP', test: /^#\d+ (?:(?:\/|[A-Za-z]:\\)[^(]*\.(?:php|phtml|inc)\(\d+\)|\{main\}$|\[internal function\])/ },
  { runtime: 'PHP', test: /\bPHP (?:Fatal error|Parse error|Warning|Notice|Deprecated|Stack trace):/ },
  { runtime: 'PHP', test: /\b(?:in|at) (?:\/|[A-Za-z]:\\)\S*\.(?:php|phtml|inc)(?: on line \d+|:\d+|\(\d+\))/ },
  { runtime: 'PHP', test: /^(?:Fatal|Parse) error: .+ on line \d+/ },
  // Go: a panic with its goroutine dump.
  { runtime: 'Go', test: /^goroutine \d+ \[[\w ,]+\]:$/ },
  { runtime: 'Go', test: /^panic: /, with: /\.go:\d+/ },
  { runtime: 'Go', test: /^(?:\/|[A-Za-z]:\/)[^\s:]*\.go:\d+(?: \+0x[0-9a-f]+)?$/ },
  // Absolute paths to source files: a known code root, or a line number after the file.
  { runtime: 'source path', test: new RegExp(`(?:^|[\\s"'(=\\[,])\\/(?:${CODE_ROOTS})\\/[\\w.@+~-]+(?:\\/[\\w.@+~-]+)*\\.(?:${SOURCE_EXT})\\b(?!\\.|\\/)`) },
  { runtime: 'source path', test: new RegExp(`(?:^|[\\s"'(=\\[,])\\/[\\w.@+~-]+(?:\\/[\\w.@+~-]+)+\\.(?:${SOURCE_EXT}):\\d+`) },
  { runtime: 'source path', test: new RegExp(`(?:^|[^\\w])[A-Za-z]:\\\\(?:[^\\\\\\s:*?"<>|]+\\\\)+[^\\\\\\s:*?"<>|]+\\.(?:${SOURCE_EXT})\\b`) },
  // SQL errors: driver codes and the databases' own messages.
  { runtime: 'SQL', test: /\bSQLSTATE\[\w+\]|\bSQLSTATE[ =:]+[0-9A-Z]{5}\b/ },
  { runtime: 'SQL', test: /\bORA-\d{5}\b/ },
  { runtime: 'SQL', test: /\bER_[A-Z][A-Z_]{2,}\b.*\bSQL\b|\bSQL\b.*\bER_[A-Z][A-Z_]{2,}\b|You have an error in your SQL syntax/ },
  { runtime: 'SQL', test: /\bPG::[A-Z]\w+|\bsyntax error at or near "|\bduplicate key value violates unique constraint "|\brelation "[^"]+" does not exist/ },
  { runtime: 'SQL', test: /\bSQLITE_(?:ERROR|CONSTRAINT|BUSY|LOCKED|MISMATCH|READONLY|CANTOPEN|CORRUPT|FULL|IOERR|RANGE|SCHEMA|TOOBIG|AUTH|NOTADB|MISUSE)\b/ },
  { runtime: 'SQL', test: /\b(?:Microsoft OLE DB Provider for SQL Server|Unclosed quotation mark after the character string|java\.sql\.SQL\w*Exception|org\.hibernate\.\w+|psycopg2?\.(?:errors\.)?\w+Error|sqlalchemy\.exc\.\w+)/ },
];

const MAX_LINE = 200;
const MAX_TEXT = 200_000;

/**
 * The first stack-trace line, source path or database error in a text (a raw body or one JSON
 * string), with the runtime it belongs to; undefined when there is none.
 */
export function findStackTrace(text: string): StackTraceMatch | undefined {
  if (text.length < 8) return undefined;
  const plain = toPlainText(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);
  const lines = plain.split(/\r\n|\r|\n|\\r\\n|\\n/);
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length < 6) continue;
    // A line cut out of a raw JSON text ends with the string's closing quote: `at f (/x.js:1:2)"}`.
    const unquoted = line.replace(/"[,}\]\s]*$/, '');
    for (const detector of DETECTORS) {
      if (!detector.test.test(line) && (unquoted === line || !detector.test.test(unquoted))) continue;
      if (detector.with && !detector.with.test(lines.map((entry) => entry.trim()).join('\n'))) continue;
      return { runtime: detector.runtime, line: line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line };
    }
  }
  return undefined;
}

/** HTML error pages (Express's `<pre>Error…<br> &nbsp; &nbsp;at …`, PHP's `<b>Fatal error</b>`) as lines of text. */
function toPlainText(text: string): string {
  if (!/<\/?(?:html|body|pre|br|b|p|div|h\d|title|head|span|code)\b|&(?:nbsp|lt|gt|amp|quot|#\d+);/i.test(text)) return text;
  return text
    .replace(/<br\s*\/?>|<\/(?:p|div|li|tr|pre|h\d)>/gi, '\n')
    .replace(/<[a-zA-Z/!][^<>]*>/g, '')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&#x2F;/gi, '/')
    .replace(/&amp;/g, '&');
}

/** A JSON member that holds a stack trace or exception details whatever its text says. */
export interface StackMemberMatch {
  /** The member's path in the body: `stack`, `error.stackTrace`, `errors[0].trace`. */
  member: string;
  /** The member's value, short, as evidence. */
  value: string;
  /** The runtime when the value is a recognisable trace. */
  runtime?: string;
}

const MAX_DEPTH = 12;
const MAX_STRINGS = 2000;

/** The leaks of a response body: a stack member, else a trace in some JSON string, else in the raw text. */
export function findLeakInBody(body: string, json: unknown): { member?: StackMemberMatch; trace?: StackTraceMatch } | undefined {
  if (json !== undefined) {
    const member = findStackMember(json);
    if (member) return { member };
    let seen = 0;
    let found: StackTraceMatch | undefined;
    walkStrings(json, 0, (text) => {
      if (++seen > MAX_STRINGS) return true;
      found = findStackTrace(text);
      return found !== undefined;
    });
    return found ? { trace: found } : undefined;
  }
  const trace = findStackTrace(body);
  return trace ? { trace } : undefined;
}

/** A non-empty `stack`, `stackTrace`, `stack_trace`, `callstack`, `backtrace`, `exception` or `trace` (text or frames) anywhere in a JSON value. */
export function findStackMember(json: unknown, path = '', depth = 0): StackMemberMatch | undefined {
  if (depth > MAX_DEPTH || json === null || typeof json !== 'object') return undefined;
  if (Array.isArray(json)) {
    for (let index = 0; index < json.length && index < 100; index++) {
      const found = findStackMember(json[index], `${path}[${index}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [name, value] of Object.entries(json as Record<string, unknown>)) {
    const key = name.toLowerCase().replace(/[-_]/g, '');
    const member = path ? `${path}.${name}` : name;
    if (STACK_TRACE_MEMBERS.has(key) && isTraceValue(key, value)) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      const runtime = typeof value === 'string' ? findStackTrace(value)?.runtime : Array.isArray(value) ? findStackTrace(value.filter((item) => typeof item === 'string').join('\n'))?.runtime : undefined;
      const flat = text.replace(/\s+/g, ' ').trim();
      return { member, value: flat.length > MAX_LINE ? `${flat.slice(0, MAX_LINE - 1)}…` : flat, runtime };
    }
    const found = findStackMember(value, member, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function isTraceValue(key: string, value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) {
    if (value.length === 0) return false;
    // `trace` as frames: lines of text, or objects with a file, line or function (Laravel, Symfony).
    return value.some((item) => (typeof item === 'string' && item.trim() !== '') || (item !== null && typeof item === 'object' && STACK_FRAME_FIELDS.some((field) => field in item)));
  }
  // A `trace` object is a tracing context (ids), not frames; an `exception` object is exception details.
  if (value !== null && typeof value === 'object') return key !== 'trace' && Object.keys(value).length > 0;
  return false;
}

/** Calls `visit` on every string in a JSON value until it returns true. */
function walkStrings(json: unknown, depth: number, visit: (text: string) => boolean): boolean {
  if (typeof json === 'string') return visit(json);
  if (depth > MAX_DEPTH || json === null || typeof json !== 'object') return false;
  const values = Array.isArray(json) ? json : Object.values(json as Record<string, unknown>);
  for (const value of values) if (walkStrings(value, depth + 1, visit)) return true;
  return false;
}
