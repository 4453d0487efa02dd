import { defineRule } from '../src/engine/rule';
import { childLocation } from '../src/engine/model/location';
import { operationName } from '../src/engine/walk/nodes';
import { collectVersionSignals, isUnversionedByConvention, STRATEGIES, type Strategy } from './lib/versions';
import { atApi, documentHostVersioned, documentServerPathVersioned, requestVersion, responseVersioned } from './lib/live-versions';
import type { Exchange } from '../src/engine/live/types';
import { is2xxStatus } from '../src/engine/status-ranges';

interface Options {
  /** The versioning strategies this project accepts (default: all five). */
  strategies: Strategy[];
  /**
   * Whether an API must be versioned at all (default true). False for guides that prefer
   * compatible evolution to versions (Zalando, Z#113): an unversioned API passes, a versioned
   * one must still use `strategies`.
   */
  required: boolean;
}

/** How each strategy is shown in messages: where the version goes, with an example. */
const WHERE: Record<Strategy, string> = {
  uri: 'a path or server URL segment ("/v1")',
  subdomain: 'the server host ("v1.api.example.com")',
  header: 'a header ("Api-Version")',
  'media-type': 'a media type ("application/vnd.example.v1+json")',
  query: 'a query parameter ("api-version")',
};

/** A strategy found in the document, named shortly. */
const FOUND: Record<Strategy, string> = {
  uri: 'the URI',
  subdomain: 'the host',
  header: 'a header',
  'media-type': 'a media type',
  query: 'a query parameter',
};

/** What to do, per strategy: the first allowed one is suggested. */
const HOW: Record<Strategy, string> = {
  uri: 'add the major version to the server URL, e.g. "https://api.example.com/v1"',
  subdomain: 'serve the API from a versioned host, e.g. "https://v1.api.example.com"',
  header: 'document a version header parameter (e.g. "Api-Version") on every operation',
  'media-type': 'use a versioned vendor media type, e.g. "application/vnd.example.v1+json"',
  query: 'document a version query parameter (e.g. "api-version") on every operation',
};

/**
 * The API is versioned by one of the course's strategies: a major version in the URI
 * (`/v1/users`, or the server URL), in the host (`v1.api.example.com`), in a header
 * (`Api-Version`), a query parameter (`api-version`) or a vendor media type
 * (`application/vnd.acme.v1+json`). `info.version` is the version of the description, not
 * something a client sends, and does not count. Reported once per document, on `paths`.
 *
 * Live: no documented request answered 2xx shows a version (a `v1` or date segment in its
 * path, a version header in the request or the response, a `version` / `api-version` query
 * parameter, a versioned media type), reported once at the API, unless the document puts
 * the version in the host, or in its servers' path (`/api/v3`) that a --base-url such as a
 * mock's leaves out, which requests do not show; a request without its path version
 * answered 2xx (warn: clients can skip the version); a request with a version that does not
 * exist (`/v999/…`) answered 2xx, or 5xx (warn).
 */
export default defineRule<Options>({
  meta: {
    id: 'api-versioned',
    group: 'versioning',
    severity: 'error',
    description: 'The API is versioned (URI, host, header, query parameter or media type).',
    sources: ['course', 'MSW'],
    fix: 'no',
    options: {
      schema: {
        type: 'object',
        properties: {
          strategies: { type: 'array', items: { type: 'string', enum: [...STRATEGIES] }, minItems: 1, uniqueItems: true },
          required: { type: 'boolean' },
        },
      },
      defaults: { strategies: [...STRATEGIES], required: true },
    },
    messages: {
      unversioned: 'the API has no version clients can select: none in {{where}}; {{how}} ("info.version" versions the description only)',
      mostlyUnversioned: 'a version clients can select is documented on only {{count}} of {{total}} operations (in {{found}}, e.g. {{example}}); version the whole API: {{how}}',
      otherStrategy: 'the API is versioned only by {{found}}, which this project does not use; version it by {{where}}: {{how}}',
      liveUnversioned:
        'no successful request carried a version ({{count}} checked): none in the path ("/v1"), a version header ("Api-Version"), a "version" or "api-version" query parameter or a versioned media type; version the API so that clients select the version they were written for',
      servesUnversioned:
        '{{request}} (without the version in the path) answered {{status}}; the API serves unversioned requests, so clients can leave the version out and break when the default changes: answer 404 (or redirect to a versioned path)',
      acceptsUnknownVersion:
        '{{request}} (a version that does not exist) answered {{status}} as if the version were known; reject unknown versions with 404 (or 400) so that a client asking for a retired or mistyped version finds out',
      unknownVersionServerError:
        '{{request}} (a version that does not exist) answered {{status}}; reject unknown versions clearly with 404 (or 400), not with a server error',
    },
  },
  create(context) {
    const allowed = STRATEGIES.filter((strategy) => context.options.strategies.includes(strategy));
    const signals = collectVersionSignals(context.version);
    return {
      ...signals.visitors,
      'Document:exit'(document) {
        const operations = signals.result().filter((entry) => !isUnversionedByConvention(entry.operation.pathItem.path));
        if (operations.length === 0) return;
        const used = new Set<Strategy>();
        for (const operation of operations) for (const strategy of operation.strategies) used.add(strategy);
        const where = list(allowed.map((strategy) => WHERE[strategy]));
        const how = HOW[allowed[0] ?? 'uri'];
        const at = childLocation(document.loc, 'paths');
        const versioned = operations.filter((entry) => allowed.some((strategy) => entry.strategies.has(strategy)));
        if (versioned.length > 0) {
          // A version on a few operations (GitHub's one `vnd.github.v3.star+json`) does not
          // version the API; when most operations are versioned, one-version-strategy names the rest.
          if (versioned.length * 2 >= operations.length) return;
          const strategies = STRATEGIES.filter((strategy) => allowed.includes(strategy) && versioned.some((entry) => entry.strategies.has(strategy)));
          const data = { count: versioned.length, total: operations.length, found: list(strategies.map((strategy) => FOUND[strategy])), example: operationName(versioned[0].operation), how };
          context.report({ messageId: 'mostlyUnversioned', data, at, part: 'key' });
          return;
        }
        if (used.size > 0) {
          const found = list(STRATEGIES.filter((strategy) => used.has(strategy)).map((strategy) => FOUND[strategy]));
          context.report({ messageId: 'otherStrategy', data: { found, where, how }, at, part: 'key' });
        } else if (context.options.required) {
          context.report({ messageId: 'unversioned', data: { where, how }, at, part: 'key' });
        }
      },
    };
  },
  probe: { needs: ['unknown-version', 'unversioned'] },
  live(context) {
    const successes: Exchange[] = [];
    let versioned = false;
    return {
      exchange(exchange) {
        const { request, response } = exchange;
        if (!response) return;
        const success = is2xxStatus(response.status);
        if (request.purpose === 'unversioned' && success) {
          context.report({ messageId: 'servesUnversioned', exchange, severity: 'warn' });
        } else if (request.purpose === 'unknown-version' && success) {
          context.report({ messageId: 'acceptsUnknownVersion', exchange });
        } else if (request.purpose === 'unknown-version' && response.status >= 500) {
          context.report({ messageId: 'unknownVersionServerError', exchange, severity: 'warn' });
        }
        if (request.purpose !== 'valid' || !success || !request.operation || isUnversionedByConvention(request.operation.path)) return;
        successes.push(exchange);
        if (requestVersion(request).strategies.size > 0 || responseVersioned(response)) versioned = true;
      },
      end() {
        // A version in the documented host, or in the servers' path that the --base-url left out, cannot show in the requests.
        if (!context.options.required || versioned || successes.length === 0 || documentHostVersioned(context.api) || documentServerPathVersioned(context.api)) return;
        context.report({ messageId: 'liveUnversioned', data: { count: successes.length }, exchange: atApi(successes[0]), detail: 'no version in the path, headers, query or media type' });
      },
    };
  },
});

function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
