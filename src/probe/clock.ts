/**
 * Where the prober reads the time and waits: the real clock in a run, a fake one in tests
 * (test/helpers/fake-clock.ts), so that the rate limit, the deadline and the timeouts given to
 * the transport can be checked exactly, without waiting and whatever the machine's load.
 */
export interface Clock {
  /** Milliseconds (since the epoch, for the real clock). */
  now(): number;
  /** Resolves once `ms` milliseconds of this clock have passed. */
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
