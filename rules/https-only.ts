import { defineRule } from '../src/engine/rule';
import { childLocation, type NodeLocation } from '../src/engine/model/location';
import { atApi } from './lib/live-versions';
import { isLocalHost } from './lib/security';
import { isObject } from '../src/engine/model/json';

/** `scheme://authority`, where the scheme may be a server variable (`{scheme}://…`). */
const ABSOLUTE = /^\s*(?:([a-zA-Z][a-zA-Z0-9+.-]*)|\{([^}]+)\}):\/\/([^/?#]*)/;

/**
 * Server URLs use https: over plain http, API keys, tokens and personal data cross the
 * network in clear text. Checks 3.x `servers[].url` at document, path-item and operation
 * level (including a scheme, or a whole base URL, written as a server variable whose enum
 * or default offers `http`) and Swagger 2.0 `schemes` (document and operation level). Exempt: relative URLs
 * (they inherit the scheme the document is served with) and local hosts (`localhost`,
 * `*.localhost`, `*.local`, loopback addresses), with host variables read at their default.
 * The fix (`doc`: only right where the server answers on https) writes `https` for a literal
 * `http` scheme; a scheme variable's values are the owner's to choose.
 */
export default defineRule({
  meta: {
    id: 'https-only',
    group: 'security',
    severity: 'error',
    description: 'Server URLs use https, not plain http.',
    sources: ['OWASP'],
    fix: 'doc',
    messages: {
      url: 'server URL "{{url}}" uses plain http; serve the API over https so credentials and data are encrypted in transit',
      variable: 'server URL "{{url}}" lets its "{{variable}}" variable be "http"; offer only https so credentials and data are encrypted in transit',
      schemes: '"schemes" lists "http"{{where}}; list only "https" so credentials and data are encrypted in transit',
      liveHttp: 'the API at {{origin}} answered {{request}} with {{status}} over plain http; serve it over https only (redirect http to https) so credentials and data are encrypted in transit',
    },
  },
  live(context) {
    // Local hosts are exempt, as in documents; so is an http origin that only redirects.
    const plain = context.target.protocol === 'http:' && !isLocalHost(context.target.hostname);
    let reported = false;
    return {
      exchange(exchange) {
        const { response } = exchange;
        if (!plain || reported || !response || response.status < 200 || response.status >= 300) return;
        reported = true;
        context.report({ messageId: 'liveHttp', data: { origin: context.target.origin }, exchange: atApi(exchange) });
      },
    };
  },
  create(context) {
    /** Swagger 2.0 `schemes`, at the document or an operation. */
    const checkSchemes = (schemes: unknown, at: NodeLocation, where: string) => {
      if (!Array.isArray(schemes)) return;
      // The fix turns `http` into `https`; where https is listed too, it would list it twice, so none is offered.
      const listsHttps = schemes.some((scheme) => typeof scheme === 'string' && scheme.trim().toLowerCase() === 'https');
      schemes.forEach((scheme, index) => {
        if (typeof scheme === 'string' && scheme.trim().toLowerCase() === 'http') {
          const item = childLocation(at, String(index));
          const fix = listsHttps ? undefined : [{ at: item, within: { text: scheme, start: 0, end: scheme.length }, newText: 'https' }];
          context.report({ messageId: 'schemes', data: { where }, at: item, fix });
        }
      });
    };
    let localHost2 = false;
    return {
      Document(document) {
        if (context.version !== '2.0') return;
        const host = document.value.host;
        localHost2 = typeof host === 'string' && isLocalHost(host);
        if (!localHost2) checkSchemes(document.value.schemes, childLocation(document.loc, 'schemes'), '');
      },
      Operation(operation) {
        if (context.version !== '2.0' || localHost2) return;
        checkSchemes(operation.value.schemes, childLocation(operation.loc, 'schemes'), ` for ${operation.method.toUpperCase()} ${operation.pathItem.path}`);
      },
      Server(server) {
        // Swagger 2.0 `basePath` arrives as a Server node too: it has no scheme.
        if (context.version === '2.0') return;
        const serverObject = server.value;
        const variables = isObject(serverObject) && isObject(serverObject.variables) ? serverObject.variables : {};
        const match = ABSOLUTE.exec(server.url);
        if (!match) {
          // The whole base URL as one variable: `url: '{baseUrl}/v1'`, its values full URLs.
          const whole = /^\s*\{([^}]+)\}/.exec(server.url);
          const variable = whole ? variables[whole[1]] : undefined;
          if (!whole || !isObject(variable)) return;
          const values = [variable.default, ...(Array.isArray(variable.enum) ? variable.enum : [])];
          const plain = values.some((value) => {
            const url = typeof value === 'string' ? /^\s*http:\/\/([^/?#]*)/i.exec(value) : null;
            return url !== null && !isLocalHost(url[1].replace(/^[^@]*@/, ''));
          });
          if (plain) context.report({ messageId: 'variable', data: { url: server.url, variable: whole[1] }, at: server.loc });
          return;
        }
        const host = match[3].replace(/^[^@]*@/, '').replace(/\{([^}]+)\}/g, (whole, name: string) => {
          const variable = variables[name];
          return isObject(variable) && typeof variable.default === 'string' ? variable.default : whole;
        });
        if (isLocalHost(host)) return;
        if (match[1] !== undefined) {
          if (match[1].toLowerCase() === 'http') {
            const scheme = { text: server.url, start: server.url.indexOf(match[1]), end: server.url.indexOf(match[1]) + match[1].length };
            context.report({ messageId: 'url', data: { url: server.url }, at: server.loc, fix: [{ at: server.loc, within: scheme, newText: 'https' }] });
          }
          return;
        }
        const variable = variables[match[2]];
        if (!isObject(variable)) return;
        const values = [variable.default, ...(Array.isArray(variable.enum) ? variable.enum : [])];
        if (values.some((value) => typeof value === 'string' && value.trim().toLowerCase().replace(/:\/\/$/, '') === 'http')) {
          context.report({ messageId: 'variable', data: { url: server.url, variable: match[2] }, at: server.loc });
        }
      },
    };
  },
});
