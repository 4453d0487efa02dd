import { REAL_CLOCK, type Clock } from './clock';
import type { SendResult, Transport } from './transport';
import type { ProbeRequest } from '../engine/live/types';

export interface Limits {
  concurrency: number;
  /** Requests per second at most (0: unlimited). */
  rate: number;
  timeoutMs: number;
  maxRequests: number;
  /** The time (of the scheduler's clock: epoch milliseconds for the real one) from which nothing more is sent. */
  deadline: number;
}

/**
 * Sends requests through a transport within the run's bounds: at most `concurrency` at a
 * time, `rate` per second, `maxRequests` in all, nothing after the deadline. A request refused
 * by a bound resolves to undefined and is counted, so the report can say what was not sent.
 * Time comes from `clock` (the real one unless a test gives a fake).
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
    private readonly clock: Clock = REAL_CLOCK,
  ) {}

  async send(request: ProbeRequest): Promise<SendResult | undefined> {
    if (this.sent >= this.limits.maxRequests || this.clock.now() >= this.limits.deadline) {
      this.dropped++;
      return undefined;
    }
    this.sent++;
    await this.slot();
    try {
      // The deadline may pass while a request waits for a slot or its turn at the rate: it is then not sent.
      if (!(await this.turn())) {
        this.sent--;
        this.dropped++;
        return undefined;
      }
      // What is left of the run's time bounds this request too (at least 1 ms: a real timer may wake late).
      return await this.transport.send(request, Math.max(1, Math.min(this.limits.timeoutMs, this.limits.deadline - this.clock.now())));
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

  /**
   * Waits for the request's turn: starts are spaced evenly at the rate limit. False, at once,
   * when that turn is at or past the deadline (nothing is sent then, and nobody waits for it).
   */
  private async turn(): Promise<boolean> {
    const now = this.clock.now();
    if (now >= this.limits.deadline) return false;
    if (this.limits.rate <= 0) return true;
    const start = Math.max(now, this.nextStart);
    if (start >= this.limits.deadline) return false;
    this.nextStart = start + 1000 / this.limits.rate;
    if (start > now) await this.clock.sleep(start - now);
    return true;
  }
}
