import type { Finding } from '../engine/finding';
import type { ReportContext } from './formats';
import { htmlAssets } from './html-assets';
import { SEVERITY_NAMES, type LintReport } from './report';
import { displayPath } from './stylish';

/** What the HTML report shows beyond the findings: the run (the CLI fills it in; src/cli/html-run.ts). */
export interface HtmlRun {
  kind: 'lint' | 'probe';
  /** The API's `info.title` and `info.version` (of the first file, for lint). */
  title?: string;
  version?: string;
  /** When the run started, ISO 8601. */
  startedAt?: string;
  /** What it ran against: the base URL or the --app module (probe). */
  target?: string;
  /** Probe: the documented operations, each with why it was not sent, when it was not. */
  operations?: { name: string; method: string; path: string; notChecked?: string }[];
  /** Probe: the enabled probe rules, each with why it was not checked, when it was not. */
  checks?: { rule: string; notChecked?: string }[];
  /** Probe: what was sent and what was not (the summary the CLI prints on stderr). */
  summary?: string[];
}

/** Everything the page's script reads (JSON in the page, never markup). */
interface PageData {
  severities: { name: string; count: number }[];
  rules: { rule: string; count: number }[];
}

/**
 * One self-contained HTML page (no network access when opened): the run, counts by severity
 * and by rule as charts (chartist, inlined at build time), for probe a table of operations ×
 * checks, every finding with its request, response excerpt and spec location, filters by
 * severity and rule, and for lint the findings grouped by file and rule. Every string from a
 * document or a response is escaped.
 */
export function formatHtml(report: LintReport, context: ReportContext): string {
  const run: HtmlRun = context.run ?? { kind: 'lint' };
  const findings = report.findings;
  const severityCounts = SEVERITY_NAMES.map((name, severity) => ({ name, count: findings.filter((finding) => finding.severity === severity).length }));
  const ruleCounts = new Map<string, number>();
  for (const finding of findings) ruleCounts.set(finding.code, (ruleCounts.get(finding.code) ?? 0) + 1);
  const rules = [...ruleCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([rule, count]) => ({ rule, count }));
  const data: PageData = { severities: severityCounts, rules };
  const where = (finding: Finding) => `${displayPath(finding.source, context.cwd)}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
  const heading = run.kind === 'probe' ? 'restlint probe report' : 'restlint lint report';
  const api = run.title === undefined ? '' : `${run.title}${run.version === undefined ? '' : ` ${run.version}`}`;

  const meta: [string, string][] = [];
  if (api) meta.push(['API', api]);
  if (run.startedAt) meta.push(['Started', run.startedAt]);
  if (run.target) meta.push([run.kind === 'probe' ? 'Against' : 'Target', run.target]);
  meta.push([run.kind === 'probe' ? 'Specification' : 'Files', report.files.map((file) => displayPath(file, context.cwd)).join(', ') || '(none)']);
  meta.push(['Findings', String(findings.length)]);

  const parts: string[] = [];
  parts.push(`<header><h1>${escapeHtml(heading)}${api ? `: <span id="api-title">${escapeHtml(api)}</span>` : ''}</h1>`);
  parts.push(`<dl class="meta">${meta.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd data-meta="${escapeHtml(name.toLowerCase())}">${escapeHtml(value)}</dd>`).join('')}</dl>`);
  if (run.summary && run.summary.length > 0) parts.push(`<ul class="summary">${run.summary.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`);
  parts.push('</header>');

  parts.push('<section class="charts"><h2>Counts</h2><div class="chart-pair">');
  parts.push(`<figure><figcaption>By severity</figcaption><div id="chart-severity" class="chart"></div>${countTable('severity', severityCounts.map(({ name, count }) => [name, count]))}</figure>`);
  parts.push(`<figure><figcaption>By rule</figcaption><div id="chart-rule" class="chart"></div>${countTable('rule', rules.map(({ rule, count }) => [rule, count]))}</figure>`);
  parts.push('</div></section>');

  if (run.kind === 'probe' && run.operations && run.checks) parts.push(checksTable(run, findings));

  parts.push('<section><h2>Findings</h2><form class="filters" onsubmit="return false">');
  parts.push(`<label>Severity <select id="filter-severity"><option value="">all</option>${SEVERITY_NAMES.map((name) => `<option value="${name}">${name}</option>`).join('')}</select></label>`);
  parts.push(`<label>Rule <select id="filter-rule"><option value="">all</option>${rules.map(({ rule }) => `<option value="${escapeHtml(rule)}">${escapeHtml(rule)}</option>`).join('')}</select></label>`);
  parts.push('<output id="filter-count"></output></form>');
  if (findings.length === 0) parts.push('<p class="none">No findings.</p>');
  if (run.kind === 'probe') {
    parts.push(`<div class="findings">${findings.map((finding) => findingBlock(finding, where(finding))).join('')}</div>`);
  } else {
    // Lint: grouped by file, then by rule.
    const byFile = new Map<string, Map<string, Finding[]>>();
    for (const finding of findings) {
      const file = displayPath(finding.source, context.cwd);
      const byRule = byFile.get(file) ?? new Map<string, Finding[]>();
      byRule.set(finding.code, [...(byRule.get(finding.code) ?? []), finding]);
      byFile.set(file, byRule);
    }
    for (const [file, byRule] of byFile) {
      parts.push(`<section class="file group" data-file="${escapeHtml(file)}"><h3>${escapeHtml(file)}</h3>`);
      for (const [rule, list] of [...byRule].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        parts.push(`<section class="rule group"><h4><code>${escapeHtml(rule)}</code> <span class="count">${list.length}</span></h4><div class="findings">${list.map((finding) => findingBlock(finding, where(finding))).join('')}</div></section>`);
      }
      parts.push('</section>');
    }
  }
  parts.push('</section>');
  if (report.errors.length > 0) {
    parts.push(`<section><h2>Not linted</h2><ul>${report.errors.map((error) => `<li><code>${escapeHtml(displayPath(error.file, context.cwd))}</code>: ${escapeHtml(error.message)}</li>`).join('')}</ul></section>`);
  }

  const assets = htmlAssets();
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // Nothing may load from the network: the policy blocks it even if a string slipped through.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(api ? `${heading}: ${api}` : heading)}</title>`,
    `<style>${assets.css}\n${PAGE_CSS}</style></head><body>`,
    ...parts,
    `<script type="application/json" id="restlint-data">${jsonInScript(data)}</script>`,
    `<script>${assets.js}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

function countTable(kind: string, rows: [string, number][]): string {
  return `<details><summary>as a table</summary><table class="counts" id="counts-${kind}"><tbody>${rows.map(([name, count]) => `<tr data-${kind}="${escapeHtml(name)}"><th>${escapeHtml(name)}</th><td>${count}</td></tr>`).join('')}</tbody></table></details>`;
}

/** Operations × checks: failed (with the count), not checked (and why), or passed (the check ran, no finding). */
function checksTable(run: HtmlRun, findings: readonly Finding[]): string {
  const operations = run.operations ?? [];
  const checks = run.checks ?? [];
  const failed = new Map<string, Finding[]>();
  const key = (rule: string, row: string) => `${rule}\u0000${row}`;
  const known = new Set(operations.map((operation) => `${operation.path}\u0000${operation.method}`));
  for (const finding of findings) {
    const [top, path, method] = finding.path;
    const row = top === 'paths' && known.has(`${String(path)}\u0000${String(method)}`) ? `${String(path)}\u0000${String(method)}` : 'api';
    failed.set(key(finding.code, row), [...(failed.get(key(finding.code, row)) ?? []), finding]);
  }
  const apiWide = findings.some((finding) => !known.has(`${String(finding.path[1])}\u0000${String(finding.path[2])}`) || finding.path[0] !== 'paths');
  const rows = [...(apiWide ? [{ name: 'the whole API', method: '', path: '', notChecked: undefined, row: 'api' }] : []), ...operations.map((operation) => ({ ...operation, row: `${operation.path}\u0000${operation.method}` }))];
  const header = `<tr><th>Operation</th>${checks.map((check) => `<th scope="col" data-check="${escapeHtml(check.rule)}"><span>${escapeHtml(check.rule)}</span></th>`).join('')}</tr>`;
  const body = rows.map((row) => {
    const cells = checks.map((check) => {
      const found = failed.get(key(check.rule, row.row));
      if (found) {
        const worst = Math.min(...found.map((finding) => finding.severity));
        return `<td class="failed worst-${SEVERITY_NAMES[worst]}" data-status="failed" title="${escapeHtml(found.map((finding) => finding.message).join('\n'))}">✗ ${found.length}</td>`;
      }
      const reason = row.notChecked ?? check.notChecked;
      if (reason) return `<td class="not-checked" data-status="not-checked" title="${escapeHtml(reason)}">–<span class="why">${escapeHtml(reason)}</span></td>`;
      return '<td class="passed" data-status="passed" title="checked, no finding">✓</td>';
    });
    const label = row.row === 'api' ? '<em>the whole API</em>' : `<code>${escapeHtml(row.method.toUpperCase())} ${escapeHtml(row.path)}</code>${row.notChecked ? `<div class="why">not sent: ${escapeHtml(row.notChecked)}</div>` : ''}`;
    return `<tr data-operation="${escapeHtml(row.row === 'api' ? 'api' : `${row.method.toUpperCase()} ${row.path}`)}"><th scope="row">${label}</th>${cells.join('')}</tr>`;
  });
  return `<section><h2>Operations × checks</h2><p class="legend"><span class="passed">✓ passed</span> <span class="failed">✗ failed (findings)</span> <span class="not-checked">– not checked (hover or read why)</span></p><div class="scroll"><table id="checks"><thead>${header}</thead><tbody>${body.join('')}</tbody></table></div></section>`;
}

function findingBlock(finding: Finding, where: string): string {
  const severity = SEVERITY_NAMES[finding.severity];
  const evidence = finding.evidence
    ? `<div class="evidence"><div><h5>Request</h5><pre class="request">${escapeHtml(finding.evidence.request)}</pre></div><div><h5>Response</h5><pre class="response">${escapeHtml(finding.evidence.response)}</pre></div></div>`
    : '';
  const jsonPath = finding.path.length > 0 ? ` <code class="json-path">${escapeHtml(finding.path.map(String).join(' › '))}</code>` : '';
  return (
    `<article class="finding" data-severity="${severity}" data-rule="${escapeHtml(finding.code)}">` +
    `<p><span class="sev sev-${severity}">${severity}</span> <code class="rule">${escapeHtml(finding.code)}</code> <span class="message">${escapeHtml(finding.message)}</span></p>` +
    `<p class="location">spec: <code>${escapeHtml(where)}</code>${jsonPath}</p>${evidence}</article>`
  );
}

/** Text as HTML text or attribute value: `<`, `>`, `&`, `"` and `'` escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

/** JSON inside a <script> element: `<` written as \u003c, so no string can end the element. */
function jsonInScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const PAGE_CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;padding:16px 24px;color:#1d2329;background:#fff}
h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:24px 0 8px;border-bottom:1px solid #d8dee4}h3{font-size:15px;margin:16px 0 4px}h4{font-size:14px;margin:10px 0 4px}h5{margin:0 0 2px;font-size:12px;color:#57606a}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}dl.meta dt{font-weight:600;color:#57606a}dl.meta dd{margin:0;word-break:break-all}
ul.summary{color:#57606a;font-size:13px;margin:8px 0 0;padding-left:20px}
.chart-pair{display:flex;gap:24px;flex-wrap:wrap}.chart-pair figure{flex:1 1 360px;margin:0}figcaption{font-weight:600;margin-bottom:4px}details summary{font-size:12px;color:#57606a;cursor:pointer}
.chart{height:220px}table.counts{border-collapse:collapse;font-size:12px;margin-top:4px}table.counts th,table.counts td{padding:1px 8px;text-align:left;border-bottom:1px solid #eaeef2}
.scroll{overflow-x:auto}#checks{border-collapse:collapse;font-size:12px}#checks th,#checks td{border:1px solid #d8dee4;padding:3px 6px;text-align:center;vertical-align:top}#checks tbody th{text-align:left;white-space:nowrap}
#checks thead th[data-check]{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:500}
td.passed,span.passed{color:#1a7f37}td.failed,span.failed{color:#cf222e;font-weight:700}td.not-checked,span.not-checked{color:#8c959f}
td .why{display:none}.why{font-size:11px;color:#8c959f;white-space:normal;max-width:320px}
.filters{display:flex;gap:16px;align-items:center;margin:8px 0}
.finding{border:1px solid #d8dee4;border-radius:6px;padding:6px 10px;margin:6px 0}.finding p{margin:2px 0}.finding[hidden],.group[hidden]{display:none}
.sev{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600;color:#fff}.sev-error{background:#cf222e}.sev-warn{background:#bf8700}.sev-info{background:#0969da}.sev-hint{background:#6e7781}
td.worst-error{color:#fff;background:#cf222e}td.worst-warn{color:#fff;background:#bf8700}td.worst-info{color:#fff;background:#0969da}td.worst-hint{color:#fff;background:#6e7781}
.location{color:#57606a;font-size:12px}.evidence{display:grid;grid-template-columns:1fr 1fr;gap:8px;margin-top:4px}
pre{background:#f6f8fa;border-radius:4px;padding:6px;margin:0;white-space:pre-wrap;word-break:break-all;font-size:12px;max-height:240px;overflow:auto}
.count{color:#57606a;font-weight:400}
.ct-series-a .ct-bar{stroke:#0969da;stroke-width:18px}.ct-label{font-size:11px;color:#57606a}
`;
