import type { SendResult, Transport } from './transport';
import type { ProbeRequest } from '../engine/live/types';

export interface Limits {
  concurrency: number;
  /** Requests per second at most (0: unlimited). */
  rate: number;
  timeoutMs: number;
  maxRequests: number;
  /** Epoch milliseconds after which nothing more is sent. */
  deadline: number;
}

/**
 * Sends requests through a transport within the run's bounds: at most `concurrency` at a
 * time, `rate` per second, `maxRequests` in all, nothing after the deadline. A request refused
 * by a bound resolves to undefined and is counted, so the report can say what was not sent.
 */
export class Scheduler {
  sent = 0;
  /** Requests not sent because a bound (--max-requests, the deadline) was reached. */
  dropped = 0;
  private active = 0;
  private nextStart = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly transport: Transport,
    private readonly limits: Limits,
    private readonly onSent: () => void = () => {},
  ) {}

  async send(request: ProbeRequest): Promise<SendResult | undefined> {
    if (this.sent >= this.limits.maxRequests || Date.now() >= this.limits.deadline) {
      this.dropped++;
      return undefined;
    }
    this.sent++;
    await this.slot();
    try {
      await this.pace();
      // What is left of the run's time bounds this request too.
      const timeout = Math.max(1, Math.min(this.limits.timeoutMs, this.limits.deadline - Date.now()));
      return await this.transport.send(request, timeout);
    } finally {
      this.active--;
      this.waiting.shift()?.();
      this.onSent();
    }
  }

  private slot(): Promise<void> {
    if (this.active < this.limits.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.active++;
        resolve();
      }),
    );
  }

  /** Spaces request starts evenly at the rate limit. */
  private async pace(): Promise<void> {
    if (this.limits.rate <= 0) return;
    const now = Date.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + 1000 / this.limits.rate;
    if (start > now) await new Promise((resolve) => setTimeout(resolve, start - now));
  }
}
