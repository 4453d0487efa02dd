// The part of chartist the HTML report's script uses (src/report/html-client.ts). chartist's own
// declarations resolve only for ES module importers, and this project type-checks as CommonJS.
declare module 'chartist' {
  interface SvgElement {
    attr(attributes: Record<string, string>): SvgElement;
    elem(name: string, attributes?: Record<string, string>): SvgElement;
    text(text: string): SvgElement;
  }
  interface BarDrawEvent {
    type: string;
    index: number;
    value: number | { x?: number; y?: number };
    element: SvgElement;
  }
  interface AxisOptions {
    onlyInteger?: boolean;
    showGrid?: boolean;
    offset?: number;
  }
  export class BarChart {
    constructor(
      element: Element | string,
      data: { labels: string[]; series: number[][] },
      options?: { horizontalBars?: boolean; reverseData?: boolean; axisX?: AxisOptions; axisY?: AxisOptions; low?: number },
    );
    on(event: 'draw', handler: (event: BarDrawEvent) => void): this;
  }
}
