import { defineRule } from '../src/engine/rule';
import { checkStructure } from './lib/structure/check';
import type { StructureTable } from './lib/structure/kinds';
import { oas2Table } from './lib/structure/oas2';
import { oas3Table, type Oas3Minor } from './lib/structure/oas3';

/**
 * The document has the shape its OpenAPI version gives it: required fields present, fields of
 * the right type, values from the allowed set, no keys the specification does not define (other
 * than `x-` extensions), and `$ref`s naming a component of the kind that belongs there. The
 * version comes from the document (`swagger: "2.0"`, `openapi: 3.0.x`, 3.1.x, 3.2.x); the check
 * follows `$ref`s into the files they name, so a referenced file is checked as what it is used as.
 * Other correctness rules own what they say better: a missing `responses`
 * (operation-success-response), a server variable's `default` (server-variables-defined),
 * path parameters (path-params-match), broken references (invalid-ref).
 */
export default defineRule({
  meta: {
    id: 'document-structure',
    group: 'correctness',
    severity: 'error',
    description: 'The document has the structure its OpenAPI version defines: required fields, field types, allowed values, no unknown keys, $refs of the right kind.',
    sources: ['OpenAPI 3.1 §4.8', 'OpenAPI 3.0 §4.7', 'Swagger 2.0 §Specification'],
    fix: 'no',
    messages: {
      missing: '{{subject}} needs {{field}}',
      unknown: 'unknown key "{{key}}" in {{type}}{{hint}}',
      wrongType: '{{key}}{{where}} must be {{expected}}, not {{actual}}{{hint}}',
      badValue: '"{{value}}" is not {{what}}; use one of {{values}}{{hint}}',
      badKey: '{{text}}',
      refKind: '"$ref" names {{found}} ({{ref}}) where {{expected}} belongs',
      invalid: '{{text}}',
      version: 'OpenAPI version "{{version}}" is not one restlint knows (3.0.x, 3.1.x or 3.2.x, with a patch number); the document is checked as OpenAPI {{as}}',
    },
  },
  create(context) {
    return {
      Document(document) {
        const declared = document.value.openapi;
        let minor: Oas3Minor | undefined;
        if (context.version !== '2.0') {
          const match = typeof declared === 'string' ? /^3\.([0-2])\.\d+(-.+)?$/.exec(declared) : null;
          minor = match ? (`3.${match[1]}` as Oas3Minor) : context.version;
          if (!match) context.report({ messageId: 'version', data: { version: String(declared), as: minor }, at: { file: document.loc.file, pointer: ['openapi'] } });
        }
        checkStructure(document.value, document.loc, {
          table: tableFor(minor),
          booleanSchemas: minor !== undefined && minor !== '3.0',
          spec: minor ? `OpenAPI ${minor}` : 'Swagger 2.0',
          resolve: context.resolve,
          report: (problem) => context.report(problem),
        });
      },
    };
  },
});

const tables = new Map<string, StructureTable>();

/** The table of a version (built once): Swagger 2.0 when `minor` is undefined. */
function tableFor(minor: Oas3Minor | undefined): StructureTable {
  const key = minor ?? '2.0';
  let table = tables.get(key);
  if (!table) tables.set(key, (table = minor ? oas3Table(minor) : oas2Table()));
  return table;
}

