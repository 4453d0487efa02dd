import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANGE_BY_ID } from './diff/changes';

/**
 * The project's home. package.json has no repository URL yet: this placeholder is the only
 * line to change when it has one (the rule doc links are built from it).
 */
export const INFORMATION_URI = 'https://github.com/restlint/restlint';

/** A rule's doc online is `<base><id>.md`: rules/<id>.md in the repository (SARIF, the editor, the Spectral ruleset link to it). */
export const RULE_DOCS_BASE_URL = `${INFORMATION_URI}/blob/main/rules/`;

/** The online doc of a rule (rules/<id>.md) or of a `restlint diff` change id (rules/changes/<id>.md). */
export function docUrlOf(id: string): string {
  return CHANGE_BY_ID.has(id) ? `${RULE_DOCS_BASE_URL}changes/${id}.md` : `${RULE_DOCS_BASE_URL}${id}.md`;
}

/**
 * The folder of the rule docs on disk: they ship beside the bundles (dist/cli.js → rules/*.md).
 * A function, not a constant: the Spectral ruleset bundle shares this module and is evaluated
 * where `__dirname` does not exist.
 */
export function rulesDir(): string {
  return join(__dirname, '..', 'rules');
}

export interface DocExample {
  /** `fails`: the rule must report it; `passes`: the rule must not. */
  expect: 'fails' | 'passes';
  /** `yaml`/`json`: a document `lint` runs on; `http`: an exchange with a live API (a live-only rule's example). */
  language: 'yaml' | 'json' | 'http';
  code: string;
  /**
   * The words after `fails`/`passes` on the fence line: for `http`, the context the exchanges
   * were made in (`purpose=no-auth`, `credentials`); empty when none.
   */
  context: string[];
  /** One-based line of the code block in the doc, for test messages. */
  line: number;
}

export interface RuleDoc {
  markdown: string;
  /** Section titles in order (`What it does`, `Why is this bad?`, …). */
  sections: string[];
  examples: DocExample[];
  /**
   * The ```yaml probe-document blocks: the document `restlint probe` read when it made the http
   * examples after it (a live-only rule has no yaml example to read). Not lint examples.
   */
  probeDocuments: { code: string; line: number }[];
}

/**
 * Reads `rules/<id>.md`: the doc `restlint explain` prints. Its ```yaml fails and
 * ```yaml passes blocks are run by the test suite, so an example can never lie; so are its
 * ```http fails / passes blocks, replayed through the rule's live check (the fence line may
 * add their context: `purpose=conditional`, `credentials`).
 */
export function readRuleDoc(rulesDir: string, id: string): RuleDoc {
  const markdown = readFileSync(join(rulesDir, `${id}.md`), 'utf8');
  const sections = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1].trim());
  const examples: DocExample[] = [];
  const lineOf = (index: number): number => markdown.slice(0, index).split('\n').length;
  const block = /^```(yaml|json|http) (fails|passes)((?: [^\n`]*)?)\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(block)) {
    examples.push({
      expect: match[2] as DocExample['expect'],
      language: match[1] as DocExample['language'],
      code: match[4],
      context: match[3].split(' ').filter((word) => word !== ''),
      line: lineOf(match.index),
    });
  }
  const probeDocuments = [...markdown.matchAll(/^```yaml probe-document\n([\s\S]*?)^```$/gm)].map((match) => ({ code: match[1], line: lineOf(match.index) }));
  return { markdown, sections, examples, probeDocuments };
}

/** One section of a rule doc (`What it does`), without its heading; undefined when absent or empty. */
export function docSection(markdown: string, title: string): string | undefined {
  const heading = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^## ${heading}\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(markdown);
  return match?.[1].trim() || undefined;
}

/** The file of a rule's doc (rules/<id>.md) or of a `restlint diff` change id's (rules/changes/<id>.md). */
export function docPathOf(rulesDir: string, id: string): string {
  return CHANGE_BY_ID.has(id) ? join(rulesDir, 'changes', `${id}.md`) : join(rulesDir, `${id}.md`);
}

/** One document of a change doc's example pair, with its one-based line in the doc. */
export interface ChangeDocSide {
  code: string;
  line: number;
}

export interface ChangeDocPair {
  /** `triggers`: diffing old → new reports the doc's change id; `passes`: it does not. */
  expect: 'triggers' | 'passes';
  old: ChangeDocSide;
  new: ChangeDocSide;
  /**
   * A triggering pair's ```text reported block: every change `restlint diff` reports for the
   * pair, one a line as `<level>  <id>  <message>`. Undefined for a passing pair.
   */
  reported: { level: string; id: string; message: string }[] | undefined;
  /** One-based line of the pair's first block. */
  line: number;
}

export interface ChangeDoc {
  markdown: string;
  sections: string[];
  pairs: ChangeDocPair[];
}

/**
 * Reads `rules/changes/<id>.md`, the doc of a `restlint diff` change id. Its examples are
 * pairs of documents, run by the test suite as `restlint diff` runs them: ```yaml old then
 * ```yaml new must report the id, followed by a ```text reported block that lists what
 * `restlint diff` reports for them; ```yaml old-passes then ```yaml new-passes must not report
 * it. A block out of that order is an error, naming its line.
 */
export function readChangeDoc(rulesDir: string, id: string): ChangeDoc {
  const file = join(rulesDir, 'changes', `${id}.md`);
  const markdown = readFileSync(file, 'utf8');
  const sections = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1].trim());
  const lineOf = (index: number): number => markdown.slice(0, index).split('\n').length;
  const pairs: ChangeDocPair[] = [];
  let open: { expect: ChangeDocPair['expect']; old: ChangeDocSide; new?: ChangeDocSide } | undefined;
  const fail = (line: number, message: string): never => {
    throw new Error(`rules/changes/${id}.md:${line}: ${message}`);
  };
  for (const match of markdown.matchAll(/^```(yaml|json|text) (old|new|old-passes|new-passes|reported)\n([\s\S]*?)^```$/gm)) {
    const [, language, kind, code] = match;
    const line = lineOf(match.index);
    if ((language === 'text') !== (kind === 'reported')) fail(line, `a ${kind} block is \`\`\`${kind === 'reported' ? 'text' : 'yaml or json'}`);
    const expect = kind.endsWith('-passes') ? 'passes' : 'triggers';
    if (kind === 'old' || kind === 'old-passes') {
      if (open) fail(line, `a ${kind} block before the new block of the pair at line ${open.old.line}`);
      open = { expect, old: { code, line } };
    } else if (kind === 'new' || kind === 'new-passes') {
      if (!open || open.new || open.expect !== expect) fail(line, `a ${kind} block without the ${expect === 'passes' ? 'old-passes' : 'old'} block before it`);
      open!.new = { code, line };
      if (expect === 'passes') {
        pairs.push({ expect, old: open!.old, new: open!.new, reported: undefined, line: open!.old.line });
        open = undefined;
      }
    } else {
      if (!open || !open.new || open.expect !== 'triggers') fail(line, 'a reported block that does not follow an old/new pair');
      const reported = code
        .split('\n')
        .filter((each) => each.trim() !== '')
        .map((each) => {
          const parts = /^(error|warn|info) +(\S+) +(.+)$/.exec(each);
          return parts ? { level: parts[1], id: parts[2], message: parts[3] } : fail(line, `"${each}" is not \`<level>  <id>  <message>\``);
        });
      pairs.push({ expect: 'triggers', old: open!.old, new: open!.new!, reported, line: open!.old.line });
      open = undefined;
    }
  }
  if (open) fail(open.old.line, open.new ? 'an old/new pair without the reported block after it' : 'an old block without its new block');
  return { markdown, sections, pairs };
}
