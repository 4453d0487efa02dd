// The script of the HTML report (src/report/html.ts), bundled for the browser with chartist by
// scripts/build.mjs and inlined into every report: it draws the count charts from the page's
// JSON data and filters the findings by severity and rule. No network access: nothing loads.
import { BarChart } from 'chartist';

interface PageData {
  severities: { name: string; count: number }[];
  rules: { rule: string; count: number }[];
}

const data = JSON.parse(document.getElementById('restlint-data')?.textContent ?? '{}') as PageData;

/** A bar chart of labelled counts; each bar carries its label and value (data-label, data-value) for readers and tests. */
function barChart(id: string, labels: string[], values: number[], horizontal: boolean): void {
  const element = document.getElementById(id);
  if (!element) return;
  if (horizontal) element.style.height = `${Math.max(120, labels.length * 28 + 40)}px`;
  const chart = new BarChart(
    element,
    { labels, series: [values] },
    {
      horizontalBars: horizontal,
      reverseData: horizontal,
      axisX: horizontal ? { onlyInteger: true } : { showGrid: false },
      axisY: horizontal ? { offset: 200, showGrid: false } : { onlyInteger: true },
      low: 0,
    },
  );
  chart.on('draw', (event) => {
    if (event.type !== 'bar') return;
    // reverseData reverses the labels with the data: the bar's index reads the drawn labels.
    const drawnLabels = horizontal ? [...labels].reverse() : labels;
    const value = horizontal ? (event.value as { x: number }).x : (event.value as { y: number }).y;
    event.element.attr({ 'data-label': drawnLabels[event.index], 'data-value': String(value) });
    event.element.elem('title', {}).text(`${drawnLabels[event.index]}: ${value}`);
  });
}

barChart('chart-severity', data.severities.map((each) => each.name), data.severities.map((each) => each.count), false);
barChart('chart-rule', data.rules.map((each) => each.rule), data.rules.map((each) => each.count), true);

const severitySelect = document.getElementById('filter-severity') as HTMLSelectElement | null;
const ruleSelect = document.getElementById('filter-rule') as HTMLSelectElement | null;
const countOutput = document.getElementById('filter-count');

function applyFilters(): void {
  const severity = severitySelect?.value ?? '';
  const rule = ruleSelect?.value ?? '';
  let shown = 0;
  const findings = document.querySelectorAll<HTMLElement>('article.finding');
  for (const finding of findings) {
    const visible = (severity === '' || finding.dataset.severity === severity) && (rule === '' || finding.dataset.rule === rule);
    finding.hidden = !visible;
    if (visible) shown++;
  }
  // A group (a file, a rule in a file) with nothing left to show is hidden with its heading.
  for (const group of [...document.querySelectorAll<HTMLElement>('section.group')].reverse()) {
    group.hidden = group.querySelector('article.finding:not([hidden])') === null;
  }
  if (countOutput) countOutput.textContent = `${shown} of ${findings.length} findings shown`;
}

severitySelect?.addEventListener('change', applyFilters);
ruleSelect?.addEventListener('change', applyFilters);
applyFilters();
