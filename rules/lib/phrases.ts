/** Lists in message text. */

/** `GET`, `GET and PUT`, `GET, PUT and DELETE`. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `"id"`, `"id" and "name"`. */
export function quotedList(items: readonly string[]): string {
  return listInWords(items.map((item) => `"${item}"`));
}
