import type { Clock } from '../../src/probe/clock';

/**
 * A clock that moves only when the test says so: `now()` starts at 0, `sleep(ms)` resolves
 * once `advance` has moved time past it. Between timers, the code they wake up runs to its
 * next wait (a turn of the event loop), so what happens at a given fake time is exact and
 * does not depend on how fast the machine is.
 */
export class FakeClock implements Clock {
  private time = 0;
  private readonly timers: { at: number; order: number; wake: () => void }[] = [];
  private scheduled = 0;

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.timers.push({ at: this.time + Math.max(0, ms), order: this.scheduled++, wake }));
  }

  /** Moves time forward by `ms`, waking every timer due on the way, in time order. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (let next = this.nextTimer(); next && next.at <= end; next = this.nextTimer()) {
      this.timers.splice(this.timers.indexOf(next), 1);
      this.time = next.at;
      next.wake();
      await settle();
    }
    this.time = end;
  }

  /** Moves time forward, timer by timer, until `work` settles, and returns it; fails when `work` waits for something else, or still sleeps after `maxMs` of fake time. */
  async run<T>(work: Promise<T>, maxMs = 24 * 3600_000): Promise<T> {
    let done = false;
    void work.then(
      () => (done = true),
      () => (done = true),
    );
    const limit = this.time + maxMs;
    await settle();
    while (!done) {
      const next = this.nextTimer();
      if (!next) {
        // Not done and no timer: give it a few more turns (work that is not timed), then fail.
        for (let turn = 0; turn < 10 && !done && !this.nextTimer(); turn++) await settle();
        if (done || this.nextTimer()) continue;
        throw new Error(`the work waits for something other than this clock (fake time ${this.time} ms)`);
      }
      if (next.at > limit) throw new Error(`still sleeping after ${maxMs} ms of fake time`);
      await this.advance(next.at - this.time);
    }
    return work;
  }

  private nextTimer() {
    return this.timers.reduce<(typeof this.timers)[number] | undefined>((first, timer) => (!first || timer.at < first.at || (timer.at === first.at && timer.order < first.order) ? timer : first), undefined);
  }
}

/** Lets promise chains run until they wait again: a macrotask turn runs every pending microtask first. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
