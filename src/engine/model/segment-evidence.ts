/**
 * What a document's own structure and words say about its path segments, collected once per
 * document for the naming rules (no-verb-in-path, plural-collections, post-create-201-location):
 * - a segment the document uses as a collection (some path follows it with `{param}`) or as a
 *   thing (a path ending in it answers GET) is a noun;
 * - a literal segment that ends a path after a parameter, whose operations are all POST or PUT,
 *   and whose operationId, summary or description uses one of its words as a verb
 *   (`POST /users/{id}/suspend`, `operationId: suspendUser`, "Suspend a user"), is an action.
 * The word lists (rules/lib/words.ts) are the fallback where the document says nothing.
 */
import type { DocumentNode, OperationNode, PathItemNode } from '../walk/nodes';
import { splitWords } from './path';

export interface SegmentEvidence {
  /** Segment names (lower-case words joined by `-`: `process-definitions`) the document uses as nouns. */
  readonly nouns: ReadonlySet<string>;
  /**
   * The word of a path's last segment that the path's own operations use as a verb
   * (`suspend` for `POST /users/{id}/suspend` with `operationId: suspendUser`), if any.
   */
  actionOf(item: PathItemNode): string | undefined;
}

/** The evidence of a document, computed on the first call and kept while the document node lives. */
export function segmentEvidence(document: DocumentNode): SegmentEvidence {
  let evidence = collected.get(document);
  if (!evidence) {
    evidence = collect(document);
    collected.set(document, evidence);
  }
  return evidence;
}

const collected = new WeakMap<DocumentNode, SegmentEvidence>();

/** The name evidence is keyed by: `processDefinitions`, `process_definitions`, `process-definitions` are one. */
export function segmentName(text: string): string {
  return splitWords(text).join('-');
}

function collect(document: DocumentNode): SegmentEvidence {
  const nouns = new Set<string>();
  const actions = new Map<PathItemNode, string>();
  for (const item of document.pathItems) {
    const { segments } = item;
    segments.forEach((segment, index) => {
      const next = segments[index + 1];
      if (segment.kind === 'literal' && next && next.kind !== 'literal') nouns.add(segmentName(segment.name));
    });
    const last = segments[segments.length - 1];
    if (!last || last.kind !== 'literal' || last.customMethod !== undefined) continue;
    const name = segmentName(last.name);
    // A thing GET returns. (Whether it answers with a list says little about its name: the
    // singular segments the corpus lists are singletons like `/timeline`, `/queue`, `/activity`.)
    if (item.operations.some((operation) => operation.method === 'get')) nouns.add(name);
    const previous = segments[segments.length - 2];
    const methods = item.operations.map((operation) => operation.method);
    if (!previous || previous.kind === 'literal' || methods.length === 0 || !methods.every((method) => method === 'post' || method === 'put')) continue;
    const pathWords = new Set(segments.slice(0, -1).flatMap((segment) => (segment.kind === 'literal' ? splitWords(segment.name) : [])));
    const verb = verbUsed(splitWords(last.name), item.operations, pathWords);
    if (verb !== undefined) actions.set(item, verb);
  }
  return { nouns, actionOf: (item) => actions.get(item) };
}

/**
 * The first of `words` that an operation's own text uses as its verb: the first word of its
 * summary, of its description's first sentence, or of its operationId once a leading HTTP
 * method and a `namespace/` are dropped (`actions/cancel-workflow-run`, `suspendUser`).
 * An id derived from the path (`PostAccountsAccountBankAccounts`, `post-object-storage-object-url`)
 * starts with a word of an earlier segment: no evidence. A word ending in `s` is a plural
 * noun, not a verb, even where a description starts "Captures…" (Adyen's `/payments/{id}/captures`).
 */
function verbUsed(words: readonly string[], operations: readonly OperationNode[], pathWords: ReadonlySet<string>): string | undefined {
  const leading = new Set<string>();
  for (const { value, method } of operations) {
    const texts = [value.summary, value.description].filter((text): text is string => typeof text === 'string');
    for (const text of texts) {
      const first = firstWord(text);
      if (first) leading.add(first);
    }
    if (typeof value.operationId === 'string') {
      // `actions/cancel-workflow-run`, gRPC gateways' `WorkflowService_StopWorkflow`: the method's own name.
      const id = splitWords(value.operationId.split(/\/|Service_/).pop() ?? '');
      while (id.length > 1 && (id[0] === method || id[0] === 'post' || id[0] === 'put')) id.shift();
      if (id[0] && !pathWords.has(id[0])) leading.add(id[0]);
    }
  }
  const isPluralForm = (word: string) => /[^s]s$/.test(word);
  return words.find((word) => word.length > 1 && !isPluralForm(word) && verbForms(word).some((form) => leading.has(form)));
}

/** The first word of a text, lower case, without markup: `<p>Captures the payment` → `captures`, `Re-run a job` → `rerun`. */
function firstWord(text: string): string | undefined {
  const plain = text.replace(/<[^>]*>/g, ' ').replace(/[*_`#>[\]]/g, ' ').trimStart();
  const match = /^([A-Za-z]+(?:-[A-Za-z]+)?)\b/.exec(plain);
  return match ? match[1].toLowerCase().replace('-', '') : undefined;
}

/** A verb as a summary or description may write it: `suspend`, `suspends`; `verify`, `verifies`; `finish`, `finishes`. */
function verbForms(word: string): string[] {
  const forms = [word, `${word}s`];
  if (/(s|x|z|ch|sh)$/.test(word)) forms.push(`${word}es`);
  if (/[^aeiou]y$/.test(word)) forms.push(`${word.slice(0, -1)}ies`);
  return forms;
}
