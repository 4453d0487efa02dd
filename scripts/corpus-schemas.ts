// The prober's request samples against its validator, over the request and response schemas
// of every document of ../shared/corpus: each sample (sampleValue) should be accepted and each
// invalid value (invalidValue) must be rejected. `npm run corpus-report -- --schemas` runs the
// full sweep (every schema of every document, about 17,000) and prints the counts; the test
// suite runs a fixed subset of it (test/probe/schema-corpus.test.ts), as a robustness test.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { NodeLocation } from '../src/engine/model/location';
import { RefResolver } from '../src/engine/resolve/refs';
import { readSourceFile, type SourceFile } from '../src/engine/source/source-file';
import type { Direction, SchemaVersion } from '../src/engine/schema/convert';
import { invalidValue, sampleValue } from '../src/probe/schema/samples';
import { SchemaValidator } from '../src/engine/schema/validator';
import type { LiveSchema } from '../src/engine/live/types';

export const CORPUS = resolve(__dirname, '..', '..', 'shared', 'corpus');
export const MANIFEST = join(CORPUS, 'MANIFEST.tsv');

export interface SweepOptions {
  /** Check only the first this many request schemas and the first this many response schemas of each document, in document order (default: all). */
  perDocument?: number;
}

export interface SweepResult {
  documents: number;
  /** Schemas checked. */
  total: number;
  samplesOk: number;
  /** Samples the validator rejected: "<document> <where>: <pointer> <message>". */
  failures: string[];
  /** Invalid values rejected, as they must be. */
  invalidOk: number;
  /** Invalid values the validator accepted: each is a bug. */
  invalidAccepted: string[];
  /** Schemas without an invalid value (they accept anything, or the validator cannot check them). */
  noInvalid: number;
  /** Of those, the schemas the validator cannot check. */
  unchecked: number;
}

interface Found {
  schema: LiveSchema;
  direction: Direction;
  where: string;
}

/** Checks the schemas of every corpus document; `onDocument` is told when each is done (for timing logs). */
export function sweepCorpusSchemas(options: SweepOptions = {}, onDocument: (name: string, schemas: number) => void = () => {}): SweepResult {
  const corpus = realpathSync(CORPUS);
  const [header, ...rows] = readFileSync(MANIFEST, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const column = header.split('\t').indexOf('entry_file');
  const result: SweepResult = { documents: rows.length, total: 0, samplesOk: 0, failures: [], invalidOk: 0, invalidAccepted: [], noInvalid: 0, unchecked: 0 };
  for (const row of rows) {
    const name = row.split('\t')[0];
    const entryPath = join(corpus, row.split('\t')[column]);
    const files = new Map<string, SourceFile>();
    const load = (path: string) => {
      if (!path.startsWith(corpus + '/')) throw new Error('outside the corpus');
      let file = files.get(path);
      if (!file) files.set(path, (file = readSourceFile(path)));
      return file;
    };
    const entry = load(entryPath);
    const data = entry.data as Record<string, unknown>;
    const version: SchemaVersion = data.swagger ? '2.0' : String(data.openapi).startsWith('3.1') ? '3.1' : '3.0';
    const validator = new SchemaValidator(version, load);
    const resolver = new RefResolver({ load, root: corpus });
    const found = mediaSchemas(version, entry, resolver);
    const picked = options.perDocument === undefined ? found : [...firstOf(found, 'request', options.perDocument), ...firstOf(found, 'response', options.perDocument)];
    for (const { schema, direction, where } of picked) {
      result.total++;
      const accepts = (value: unknown) => !validator.validate(schema, value, direction);
      // A schema the validator cannot check accepts everything: nothing to compare.
      if (validator.validate(schema, Symbol('probe'), direction) === undefined && validator.validate(schema, { $probe: [] }, direction) === undefined) result.unchecked++;
      const sampleOptions = { version, direction, accepts };
      const sample = sampleValue(schema, validator.refs, sampleOptions);
      const failure = validator.validate(schema, sample, direction);
      if (!failure) result.samplesOk++;
      else result.failures.push(`${name} ${where}: ${failure.pointer} ${failure.message}`);
      const bad = invalidValue(schema, validator.refs, sampleOptions);
      if (bad === undefined) result.noInvalid++;
      else if (validator.validate(schema, bad, direction)) result.invalidOk++;
      else result.invalidAccepted.push(`${name} ${where}: invalid value ${JSON.stringify(bad)} accepted`);
    }
    onDocument(name, picked.length);
  }
  return result;
}

function firstOf(found: Found[], direction: Direction, count: number): Found[] {
  return found.filter((item) => item.direction === direction).slice(0, count);
}

/** Media-type schemas under `paths`, with Response/RequestBody/Parameter objects' $refs followed. */
function mediaSchemas(version: SchemaVersion, entry: SourceFile, resolver: RefResolver): Found[] {
  const out: Found[] = [];
  const root: NodeLocation = { file: entry, pointer: [] };
  const at = (loc: NodeLocation, ...keys: string[]): NodeLocation => ({ file: loc.file, pointer: [...loc.pointer, ...keys] });
  const obj = (value: unknown) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);
  const paths = obj(obj(entry.data)?.paths) ?? {};
  const addContent = (content: unknown, loc: NodeLocation, direction: Direction, where: string) => {
    for (const [type, media] of Object.entries(obj(content) ?? {})) {
      const schema = obj(media)?.schema;
      if (schema !== undefined) out.push({ schema: { value: schema, loc: at(loc, type, 'schema') }, direction, where: `${where} ${type}` });
    }
  };
  for (const [path, item] of Object.entries(paths)) {
    const pathItem = resolver.resolve(item, at(root, 'paths', path));
    for (const [method, operation] of Object.entries(obj(pathItem?.value) ?? {})) {
      if (!['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'].includes(method) || !obj(operation)) continue;
      const opLoc = at(pathItem!.loc, method);
      const name = `${method.toUpperCase()} ${path}`;
      const op = obj(operation)!;
      if (version === '2.0') {
        for (const [index, parameter] of (Array.isArray(op.parameters) ? op.parameters : []).entries()) {
          const resolved = resolver.resolve(parameter, at(opLoc, 'parameters', String(index)));
          const value = obj(resolved?.value);
          if (value?.in === 'body' && value.schema !== undefined) out.push({ schema: { value: value.schema, loc: at(resolved!.loc, 'schema') }, direction: 'request', where: `${name} body` });
        }
      } else if (op.requestBody !== undefined) {
        const body = resolver.resolve(op.requestBody, at(opLoc, 'requestBody'));
        if (body) addContent(obj(body.value)?.content, at(body.loc, 'content'), 'request', `${name} request`);
      }
      for (const [status, response] of Object.entries(obj(op.responses) ?? {})) {
        const resolved = resolver.resolve(response, at(opLoc, 'responses', status));
        const value = obj(resolved?.value);
        if (!value) continue;
        if (version === '2.0') {
          if (value.schema !== undefined) out.push({ schema: { value: value.schema, loc: at(resolved!.loc, 'schema') }, direction: 'response', where: `${name} ${status}` });
        } else addContent(value.content, at(resolved!.loc, 'content'), 'response', `${name} ${status}`);
      }
    }
  }
  return out;
}

/** The full sweep, printed: `npm run corpus-report -- --schemas [--per-document N]`. Exit 1 when an invalid value is accepted or fewer than 97% of the samples validate. */
function main(): void {
  const { values } = parseArgs({ options: { schemas: { type: 'boolean' }, 'per-document': { type: 'string' } } });
  if (!existsSync(MANIFEST)) {
    console.log(`corpus not found at ${relative(process.cwd(), CORPUS)}: nothing to report`);
    return;
  }
  const perDocument = values['per-document'] === undefined ? undefined : Number(values['per-document']);
  const started = Date.now();
  const cpuStarted = process.cpuUsage();
  let documentStarted = started;
  const slow: string[] = [];
  const result = sweepCorpusSchemas({ perDocument }, (name) => {
    const seconds = (Date.now() - documentStarted) / 1000;
    if (seconds > 1) slow.push(`${name} ${seconds.toFixed(1)} s`);
    documentStarted = Date.now();
  });
  const cpu = process.cpuUsage(cpuStarted);
  const count = (n: number) => n.toLocaleString('en-US');
  const percent = (n: number) => `${((100 * n) / Math.max(1, result.total)).toFixed(1)}%`;
  const which = perDocument === undefined ? 'every request and response schema' : `the first ${perDocument} request and ${perDocument} response schemas of each document`;
  console.log(`${result.documents} documents, ${which}: ${count(result.total)} schemas in ${((Date.now() - started) / 1000).toFixed(1)} s (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU)`);
  if (slow.length > 0) console.log(`slowest: ${slow.join(', ')}`);
  console.log(`\n${count(result.samplesOk)} of ${count(result.total)} corpus schemas validate their own samples (${percent(result.samplesOk)}); ${count(result.failures.length)} samples rejected:`);
  for (const failure of result.failures) console.log(`  ${failure}`);
  const invalid = result.invalidOk + result.invalidAccepted.length;
  console.log(`\n${count(invalid)} invalid values: ${result.invalidAccepted.length === 0 ? 'all rejected' : `${count(result.invalidAccepted.length)} accepted (each is a bug)`}; ${count(result.noInvalid)} schemas without one (they accept anything, or the validator cannot check them: ${count(result.unchecked)})`);
  for (const accepted of result.invalidAccepted) console.log(`  ${accepted}`);
  if (result.invalidAccepted.length > 0 || result.samplesOk / result.total < 0.97) process.exitCode = 1;
}

if (require.main === module) main();
