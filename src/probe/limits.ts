/**
 * How hard a probe may press on an API unless told otherwise: the CLI's option defaults and
 * the editor's probe command. Its own module, without imports, so that the CLI's option
 * parsing does not pull the prober into the lint bundle.
 */
export const DEFAULT_PROBE_LIMITS = {
  concurrency: 4,
  /** Requests per second. */
  rate: 20,
  timeoutMs: 5_000,
  maxRequests: 2_000,
  /** The whole run's deadline. */
  totalMs: 5 * 60_000,
};
