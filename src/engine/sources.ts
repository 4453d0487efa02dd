/**
 * The guideline source keys rules cite (see ../shared/guidelines.md), spelled out with a
 * link, for `restlint explain` and rule docs.
 */
export function describeSource(key: string): string {
  const zalando = /^Z#(\d+)$/.exec(key);
  if (zalando) return `Zalando RESTful API Guidelines, rule ${zalando[1]}: https://opensource.zalando.com/restful-api-guidelines/#${zalando[1]}`;
  const aip = /^AIP-(\d+)$/.exec(key);
  if (aip) return `Google API Improvement Proposal ${aip[1]}: https://google.aip.dev/${aip[1]}`;
  const rfc = /^RFC (\d+)(?: §([\d.]+))?$/.exec(key);
  if (rfc) return `RFC ${rfc[1]}${rfc[2] ? ` section ${rfc[2]}` : ''}: https://www.rfc-editor.org/rfc/rfc${rfc[1]}${rfc[2] ? `#section-${rfc[2]}` : ''}`;
  // `OpenAPI 3.1 §4.8.12`, `OpenAPI 2.0 §Parameter Object`: a section of one version of the specification.
  const openapi = /^OpenAPI (\d)\.(\d) §(.+)$/.exec(key);
  if (openapi) {
    const version = openapi[1] === '2' ? '2.0' : `${openapi[1]}.${openapi[2]}.0`;
    return `OpenAPI Specification ${openapi[1]}.${openapi[2]}, section ${openapi[3]}: https://spec.openapis.org/oas/v${version}.html`;
  }
  const known: Record<string, string> = {
    course: 'The course guidelines behind restlint:recommended (README, "The guidelines")',
    AZ: 'Microsoft Azure REST API Guidelines: https://github.com/microsoft/api-guidelines/blob/vNext/azure/Guidelines.md',
    MSW: 'Microsoft, Web API design best practices: https://learn.microsoft.com/azure/architecture/best-practices/api-design',
    OWASP: 'OWASP REST Security Cheat Sheet: https://cheatsheetseries.owasp.org/cheatsheets/REST_Security_Cheat_Sheet.html',
    TC: 'W3C Trace Context: https://www.w3.org/TR/trace-context/',
    OpenAPI: 'OpenAPI Specification: https://spec.openapis.org/oas/latest.html',
  };
  return known[key] ?? key;
}
