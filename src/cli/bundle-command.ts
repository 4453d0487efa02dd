// `restlint bundle`: one self-contained document from a document split over many files, as
// `redocly bundle` does. The bundler is @apidevtools/swagger-parser (its json-schema-ref-parser
// does the $ref work), but every file it reads goes through restlint's own reader: the
// document's readInside (the project-root check, the size limit, restlint's YAML parser, which
// never expands aliases while parsing), and nothing remote is ever fetched. This module is a
// bundle of its own (dist/bundle-command.js, scripts/build.mjs), required by the CLI only for
// `restlint bundle`: `lint` never loads it or swagger-parser.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type SwaggerParser from '@apidevtools/swagger-parser';
import { dump } from 'js-yaml';
import { ConfigFinder } from '../engine/config/config';
import type { OpenDocument } from '../engine/document';
import { openEntry } from '../engine/entry';
import type { Range } from '../engine/source/line-index';
import { sizeText, SourceError, type Format, type SourceFile } from '../engine/source/source-file';
import { colorsFor } from '../report/colors';
import type { FileError } from '../report/report';
import { displayPath, formatFileError } from '../report/stylish';
import { allRules } from '../../rules';
import { reportFailure } from './args';
import { maxBytesOf, outputPath, UsageError } from './files';
import { EXIT } from './lint-command';

export interface BundleArgs {
  entry: string;
  /** Write here (format by extension) instead of stdout (the entry's own format). */
  output?: string;
  /** Inline every $ref (a $ref whose inlining would loop is kept). */
  dereference: boolean;
  root?: string;
  config?: string;
  maxFileSize: number;
}

/** The output is refused past this many times --max-file-size (YAML aliases and shared $refs expand in it). */
const OUTPUT_FACTOR = 4;

/** Why a bundle is refused for its size: YAML aliases and $refs used many times are written out in full. */
function tooLarge(file: string, maxBytes: number): FileError {
  return {
    file,
    message: `the bundled document would be over ${sizeText(maxBytes * OUTPUT_FACTOR)} written out in full (a bundle expands YAML aliases, and --dereference every $ref used many times)`,
    hint: `raise the limit with --max-file-size <MB> (a bundle may be ${OUTPUT_FACTOR} times it) if the document is really this large`,
  };
}

/** The resolver and parser plugins json-schema-ref-parser is given (its FileInfo, as far as they read it). */
interface RefFile {
  url: string;
  /** The $ref as written (without its fragment), when a $ref led here. */
  reference?: string;
  /** The URL `reference` was resolved against: the file that holds the $ref (maybe with a fragment). */
  baseUrl?: string;
  data?: unknown;
}

/** Why a file the bundler asked for was not read: the first one stops the bundle. */
interface Refusal {
  error: FileError;
}

/**
 * `restlint bundle <entry>`: 0 when the bundle is written, 2 when it cannot be made (usage,
 * an unreadable or unparsable file, a $ref outside the root or remote, not OpenAPI), as `lint`
 * exits 2 for input it cannot read.
 */
export async function bundleCommand(args: BundleArgs): Promise<number> {
  try {
    return await bundle(args);
  } catch (error) {
    // Said here, by this bundle's own reportFailure: a usage error, or (a bug) a crash.
    return reportFailure(error);
  }
}

async function bundle(args: BundleArgs): Promise<number> {
  const cwd = process.cwd();
  const root = args.root === undefined ? undefined : resolve(cwd, args.root);
  if (root !== undefined && !isDirectory(root)) throw new UsageError(`--root ${args.root}: no such folder`);
  const entry = resolve(cwd, args.entry);
  if (isDirectory(entry)) throw new UsageError(`${args.entry} is a folder; pass the entry file of the document, e.g. ${args.entry}/openapi.yaml`);
  // Checked before the bundling, so a bad --output does not end a long run; its folders are made when it is written.
  const output = args.output === undefined ? undefined : outputPath(args.output, '--output', cwd, true);
  const outputFormat = output === undefined ? undefined : formatOfOutput(args.output!);
  if (output !== undefined && output === entry) throw new UsageError(`--output ${args.output} is the entry itself; write the bundle to another file`);
  const maxBytes = maxBytesOf(args.maxFileSize);

  const stderrColors = colorsFor(process.stderr);
  const fail = (error: FileError) => {
    process.stderr.write(formatFileError(error, stderrColors, cwd));
    return EXIT.usage;
  };

  const opened = openEntry(entry, {
    configs: new ConfigFinder(allRules, { configPath: args.config === undefined ? undefined : resolve(cwd, args.config) }),
    root,
    maxBytes,
  });
  if (opened.failure) return fail(opened.failure);
  const { document } = opened;

  const refusal: { first?: Refusal } = {};
  const circular: string[] = [];
  let bundled: unknown;
  try {
    bundled = await bundleDocument(document, refusal, args.dereference ? circular : undefined, maxBytes);
  } catch (error) {
    if (refusal.first) return fail(refusal.first.error);
    if (isBundlerError(error)) {
      // The file the bundler was in (a missing pointer's file, say), when it tells.
      const source = (error as { source?: unknown }).source;
      const file = typeof source === 'string' && source !== '' && !isRemote(source) ? localPath(source) : document.file;
      return fail({ file, message: `cannot bundle: ${bundlerMessage(error, cwd)}` });
    }
    throw error;
  }

  const format = outputFormat ?? document.entry.format;
  if (!spend(bundled, { left: maxBytes * OUTPUT_FACTOR })) return fail(tooLarge(document.file, maxBytes));
  const text = format === 'json' ? `${JSON.stringify(bundled, null, 2)}\n` : dump(bundled, { lineWidth: -1, noRefs: true });

  if (circular.length > 0) {
    const kept = [...new Set(circular.map((path) => path.replace(/^[^#]*/, '')))].sort();
    process.stderr.write(
      `${stderrColors.dim('note')} ${kept.length} circular $ref${kept.length === 1 ? ' was' : 's were'} kept (inlining would never end): ${kept.slice(0, 5).join(', ')}${kept.length > 5 ? ', …' : ''}\n`,
    );
  }
  if (output === undefined) {
    process.stdout.write(text);
  } else {
    try {
      writeFileSync(outputPath(args.output!, '--output', cwd), text);
    } catch (error) {
      return fail({ file: output, message: `cannot write the bundle: ${(error as Error).message}` });
    }
    process.stderr.write(`bundled ${displayPath(document.file, cwd)} (${document.files().length} file${document.files().length === 1 ? '' : 's'}) into ${displayPath(output, cwd)}\n`);
  }
  return EXIT.ok;
}

/**
 * Bundles (and, with `circular`, dereferences) the opened document with swagger-parser, its
 * resolver reading through the document. A refused or unreadable file is recorded in `refusal`
 * (then the bundler throws).
 */
async function bundleDocument(document: OpenDocument, refusal: { first?: Refusal }, circular: string[] | undefined, maxBytes: number): Promise<unknown> {
  // Required here: only `restlint bundle` loads swagger-parser (built into this bundle only).
  const Parser = require('@apidevtools/swagger-parser') as typeof SwaggerParser;
  const budget = { left: maxBytes * OUTPUT_FACTOR };
  const refuse = (error: FileError): never => {
    refusal.first ??= { error };
    throw new Error(error.message);
  };
  const options = {
    // Only restlint's reader and parser: no remote resolver, no parser of swagger-parser's own
    // (its js-yaml would expand aliases and bypass the size limit).
    resolve: {
      external: true,
      http: false,
      file: {
        order: 1,
        canRead: (file: RefFile) => !isRemote(file.url),
        read: (file: RefFile): SourceFile => {
          const path = localPath(file.url);
          try {
            return document.readInside(path);
          } catch (error) {
            const at = refAt(document, file);
            if (error instanceof SourceError) {
              // The range (a parse error's line) is in the file itself: name it, and the $ref that
              // brought it in, as lint says it.
              const via = at && `referenced by $ref "${at.ref}" at ${at.file}${at.range ? `:${at.range.start.line + 1}` : ''}`;
              return refuse({ file: error.file, message: error.message, range: error.range, hint: [via, error.hint].filter(Boolean).join('; ') || undefined });
            }
            // Outside the root (readInside's refusal): said as lint says it, at the $ref.
            return refuse({
              file: at?.file ?? document.file,
              range: at?.range,
              message: `$ref "${at?.ref ?? path}" points outside the project root (${document.root}) and was not read`,
              hint: 'pass --root <folder> to allow files under that folder',
            });
          }
        },
      },
      remote: {
        order: 2,
        canRead: (file: RefFile) => isRemote(file.url),
        read: (file: RefFile): never => {
          const at = refAt(document, file);
          return refuse({
            file: at?.file ?? document.file,
            range: at?.range,
            message: `remote $ref ${at?.ref ?? file.url} is not fetched; restlint reads local files only`,
            hint: 'save the file beside the document and $ref it by a relative path',
          });
        },
      },
    },
    parse: {
      json: false,
      yaml: false,
      text: false,
      binary: false,
      restlint: {
        order: 1,
        canParse: true,
        // The bundler walks every use of a shared object (a YAML alias) anew: what the files
        // take written out in full is counted first, so an alias bomb is refused, not walked.
        // A copy: the bundler rewrites $refs in place, and the document's cache stays as read.
        parse: (file: RefFile) => {
          const source = file.data as SourceFile;
          if (!spend(source.data, budget)) refuse(tooLarge(source.path, maxBytes));
          return structuredClone(source.data);
        },
      },
    },
    continueOnError: false,
    dereference: { circular: 'ignore' as const, onCircular: (path: string) => circular?.push(path) },
    validate: { schema: false, spec: false },
  };
  if (!spend(document.entry.data, budget)) refuse(tooLarge(document.file, maxBytes));
  const entryData = structuredClone(document.entry.data) as Parameters<SwaggerParser['bundle']>[1];
  const bundled = await parserFor(Parser).bundle(document.file, entryData, options as unknown as SwaggerParser.Options);
  if (!circular) return bundled;
  // Dereferenced after bundling, so a $ref kept because it loops points inside the output
  // (bundled, every $ref is internal), never at another file.
  return parserFor(Parser).dereference(document.file, bundled, options as unknown as SwaggerParser.Options);
}

/**
 * A swagger-parser without its version gate. Its parse refuses versions it does not list
 * (3.1.3, 3.2.0) and a 3.x document without paths, where json-schema-ref-parser's parse, which
 * it extends, does not: restlint has already decided that the entry is an OpenAPI document it
 * reads (openApiVersion, as lint does), and $refs resolve the same whatever the version says.
 */
function parserFor(Parser: typeof SwaggerParser): SwaggerParser {
  const parser = new Parser();
  const refParserParse = (Object.getPrototypeOf(Parser.prototype) as { parse: (...args: unknown[]) => Promise<unknown> }).parse;
  Object.defineProperty(parser, 'parse', { value: refParserParse, configurable: true, writable: true });
  return parser;
}

/**
 * The $ref that made the bundler ask for a file: the file that holds it, the $ref as written
 * (the first one there that names the file), and its range, as lint points at it.
 */
function refAt(document: OpenDocument, file: RefFile): { file: string; ref: string; range?: Range } | undefined {
  if (file.reference === undefined) return undefined;
  const referrer = file.baseUrl === undefined ? document.file : localPath(file.baseUrl.replace(/#.*$/, ''));
  let source: SourceFile;
  try {
    source = referrer === document.file ? document.entry : document.read(referrer);
  } catch {
    return { file: referrer, ref: file.reference };
  }
  const seen = new Set<object>();
  const stack: { value: unknown; pointer: string[] }[] = [{ value: source.data, pointer: [] }];
  while (stack.length > 0) {
    const { value, pointer } = stack.pop()!;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.replace(/#.*$/, '') === file.reference) {
      return { file: referrer, ref, range: source.rangeOf([...pointer, '$ref']) };
    }
    const entries = Object.entries(value);
    for (let index = entries.length - 1; index >= 0; index--) stack.push({ value: entries[index][1], pointer: [...pointer, entries[index][0]] });
  }
  return { file: referrer, ref: file.reference };
}

/** The bundler's own errors (a $ref to a missing pointer, a bad version): input errors, not crashes. */
function isBundlerError(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  return error instanceof SyntaxError || error instanceof ReferenceError || /^(JSONParser|Resolver|Parser|MissingPointer|InvalidPointer|Unmatched)/.test(error.name);
}

/** A bundler message with file URLs turned into the paths restlint prints. */
function bundlerMessage(error: Error, cwd: string): string {
  return error.message.replace(/(?:file:\/\/)?(\/[^\s"']+)/g, (match, path: string) => {
    const local = localPath(match.startsWith('file:') ? match : path);
    return existsSync(local.replace(/#.*$/, '')) ? displayPath(local, cwd) : match;
  });
}

/** Any URL with a scheme other than file: (http, https, ftp…); not a Windows drive letter. */
function isRemote(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  return scheme !== undefined && scheme.length > 1 && scheme.toLowerCase() !== 'file';
}

/** The file system path of a URL json-schema-ref-parser resolved (a file: URL or an encoded path). */
function localPath(url: string): string {
  if (/^file:/i.test(url)) return fileURLToPath(url);
  try {
    return decodeURI(url.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
  } catch {
    return url;
  }
}

function formatOfOutput(file: string): Format {
  const extension = extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  throw new UsageError(`--output ${file}: name a .json, .yaml or .yml file (the extension picks the format)`);
}

/**
 * What the data takes written out in full (a shared object once per use, as YAML aliases and
 * noRefs write it), roughly, in characters, taken from `budget.left`: false as soon as it is
 * spent. A walk that stops early, so an alias bomb costs the budget, never its expansion.
 */
function spend(data: unknown, budget: { left: number }): boolean {
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') budget.left -= value.length + 3;
    else if (value === null || typeof value !== 'object') budget.left -= 8;
    else if (Array.isArray(value)) {
      budget.left -= 2 + value.length;
      for (const item of value) stack.push(item);
    } else {
      for (const [key, item] of Object.entries(value)) {
        budget.left -= key.length + 4;
        stack.push(item);
      }
    }
    if (budget.left < 0) return false;
  }
  return true;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
