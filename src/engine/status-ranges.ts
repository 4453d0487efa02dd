/**
 * Status-code ranges, named by exactly the range they accept. A documented status is a
 * response key (`200`, `2XX`, `default`); a live one is a number.
 */

/** A live 2xx status: 200–299. */
export function is2xxStatus(status: number): boolean {
  return status >= 200 && status < 300;
}

/** A documented 2xx status key: `200`–`299` or the range `2XX`. */
export function is2xxStatusKey(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

/** A documented 1xx, 2xx or 3xx status key (`101`, `204`, `3XX`): an answer that is not an error. */
export function is1xxTo3xxStatusKey(status: string): boolean {
  return /^[123]/.test(status);
}

/** A documented 4xx or 5xx status key (`404`, `4XX`). */
export function is4xxOr5xxStatusKey(status: string): boolean {
  return /^[45]/.test(status);
}
