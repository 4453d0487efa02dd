/**
 * Whether a text is an OpenAPI document, told from its text without parsing it: it has an
 * `openapi` or `swagger` member at the top level. An editor asks this of every file it opens
 * and of every file in a workspace, so it must be cheap, and it must be right wherever the
 * member is: JSON writers often sort keys, and Slack's 1.2 MB description has `"swagger"` as
 * its last key.
 *
 * - JSON (the first non-blank character is `{`): the top level's keys are read by a scanner
 *   that tracks nesting and skips strings, so it stops at the member (usually near the start)
 *   or at the end of the top-level object, and never builds a value.
 * - YAML: a line that starts, at column 0, with the key (quoted or not) and a colon. Block
 *   scalars are indented, so such a line is a top-level key.
 *
 * Texts arrive whole (an editor buffer) or in chunks (a file read piece by piece, so that a
 * document found in its first kilobytes is not read to the end).
 */
export class OpenApiSniffer {
  /** true/false once decided; undefined while more text could change the answer. */
  private answer: boolean | undefined;
  private mode: 'start' | 'json' | 'yaml' | 'flow' = 'start';
  // JSON state: nesting depth, whether inside a string (and after a backslash in one),
  // whether the next string at depth 1 is a key, and the start of the key being read.
  private depth = 0;
  private inString = false;
  private escaped = false;
  private expectKey = false;
  /** The key being read (up to KEY_LIMIT characters), or undefined when the string is no key. */
  private key: string | undefined;
  /** A key just ended at depth 1: the next non-blank character decides (`:` makes it a member). */
  private keyEnded: string | undefined;
  /** YAML: the text of the line not yet ended; a flow mapping: its first key so far. */
  private pending = '';

  /** The text so far says it is (true) or is not (false) OpenAPI; undefined: it cannot tell yet. */
  feed(chunk: string): boolean | undefined {
    if (this.answer !== undefined) return this.answer;
    let at = 0;
    if (this.mode === 'start') {
      while (at < chunk.length && isBlankOrBom(chunk.charCodeAt(at))) at++;
      if (at === chunk.length) return undefined;
      this.mode = chunk.charCodeAt(at) === 0x7b /* { */ ? 'json' : 'yaml';
    }
    if (this.mode === 'json') this.scanJson(chunk, at);
    else if (this.mode === 'yaml') this.scanYaml(chunk.slice(at));
    else this.readFlowKey(chunk.slice(at));
    return this.answer;
  }

  /** The answer once the whole text has been fed. */
  end(): boolean {
    if (this.answer === undefined && this.mode === 'yaml') this.answer = TOP_LEVEL_YAML_KEY.test(this.pending);
    if (this.answer === undefined && this.mode === 'flow') this.answer = FLOW_KEY.test(this.pending);
    return this.answer ?? false;
  }

  private scanJson(text: string, from: number): void {
    for (let at = from; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          // An escaped key (`"\u006fpenapi"`) is never taken for the member: real documents do not write one.
          this.key = undefined;
          continue;
        }
        if (code === 0x5c /* \ */) {
          this.escaped = true;
          continue;
        }
        if (code === 0x22 /* " */) {
          this.inString = false;
          if (this.key !== undefined) this.keyEnded = this.key;
          this.key = undefined;
          continue;
        }
        if (this.key !== undefined) this.key = this.key.length < KEY_LIMIT ? this.key + text[at] : undefined;
        else at = this.skipStringBody(text, at);
        continue;
      }
      if (isBlankOrBom(code)) continue;
      if (this.keyEnded !== undefined) {
        const key = this.keyEnded;
        this.keyEnded = undefined;
        if (code === 0x3a /* : */ && (key === 'openapi' || key === 'swagger')) {
          this.answer = true;
          return;
        }
      }
      switch (code) {
        case 0x22 /* " */:
          this.inString = true;
          this.key = this.depth === 1 && this.expectKey ? '' : undefined;
          if (this.depth === 1) this.expectKey = false;
          break;
        case 0x7b /* { */:
        case 0x5b /* [ */:
          this.depth++;
          if (this.depth === 1) this.expectKey = true;
          break;
        case 0x7d /* } */:
        case 0x5d /* ] */:
          this.depth--;
          if (this.depth <= 0) {
            // The top-level object ended without the member.
            this.answer = false;
            return;
          }
          break;
        case 0x2c /* , */:
          if (this.depth === 1) this.expectKey = true;
          break;
        default:
          // An unquoted key at the top (YAML's flow style, JSON5): not JSON; read it as YAML's flow would be.
          if (this.depth === 1 && this.expectKey) {
            this.mode = 'flow';
            this.readFlowKey(text.slice(at));
            return;
          }
      }
    }
  }

  /**
   * Skips the rest of a string that is not a top-level key, from `at` (inside it, neither a
   * quote nor a backslash) to just before its closing quote: with indexOf and a look at the
   * backslashes before each quote, not a character loop, since long descriptions are most of
   * a big document's text.
   */
  private skipStringBody(text: string, at: number): number {
    for (let from = at; ; ) {
      const quote = text.indexOf('"', from);
      if (quote === -1) {
        // The string goes on in the next chunk: leave a backslash run at the end to the loop, which
        // carries "escaped" over to that chunk's first character.
        let end = text.length;
        while (end > at && text.charCodeAt(end - 1) === 0x5c /* \ */) end--;
        return end - 1;
      }
      let backslashes = 0;
      while (quote - backslashes - 1 >= at && text.charCodeAt(quote - backslashes - 1) === 0x5c /* \ */) backslashes++;
      if (backslashes % 2 === 0) return quote - 1;
      from = quote + 1;
    }
  }

  /** The first key of a flow mapping, once enough of it is here to compare. */
  private readFlowKey(text: string): void {
    this.pending += text.slice(0, FLOW_KEY_LENGTH - this.pending.length);
    if (this.pending.length >= FLOW_KEY_LENGTH) this.answer = FLOW_KEY.test(this.pending);
  }

  private scanYaml(text: string): void {
    const lines = this.pending + text;
    const ended = lines.lastIndexOf('\n') + 1;
    this.pending = lines.slice(ended);
    if (TOP_LEVEL_YAML_LINE.test(lines.slice(0, ended))) this.answer = true;
  }
}

/** Long enough to hold `openapi` or `swagger` and tell a longer key apart. */
const KEY_LIMIT = 8;

/** `openapi:`, `"swagger" :`, `'openapi':` at the start of a line. */
const TOP_LEVEL_YAML_KEY = /^(?:openapi|swagger|"(?:openapi|swagger)"|'(?:openapi|swagger)')[ \t]*:/;
const TOP_LEVEL_YAML_LINE = new RegExp(TOP_LEVEL_YAML_KEY.source, 'm');

/** An unquoted top-level key of a flow mapping: `openapi:` or `swagger :`. */
const FLOW_KEY = /^(?:openapi|swagger)[ \t]*:/;
/** Enough of a flow mapping's first key for FLOW_KEY: the name, a blank, the colon. */
const FLOW_KEY_LENGTH = 9;

function isBlankOrBom(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xfeff;
}

/** Whether a whole text is an OpenAPI document (see OpenApiSniffer). */
export function looksLikeOpenApi(text: string): boolean {
  const sniffer = new OpenApiSniffer();
  return sniffer.feed(text) ?? sniffer.end();
}
