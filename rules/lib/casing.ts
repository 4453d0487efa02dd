import { splitWords } from '../../src/engine/model/path';

/**
 * Naming conventions for path segments and query parameter names: which convention a name
 * follows, and the same name written in another one (for messages that say what to use).
 */
export type Case = 'kebab' | 'camel' | 'snake' | 'pascal';

/** How messages and docs spell each convention. */
export const CASE_NAMES: Record<Case, string> = {
  kebab: 'kebab-case',
  camel: 'camelCase',
  snake: 'snake_case',
  pascal: 'PascalCase',
};

/**
 * A name follows a convention when it matches its pattern. A leading digit is allowed
 * (`2fa`, `1-clicks`, the date `2010-04-01`): digits have no case, and version or date
 * segments are version-format's business, not casing's.
 */
const PATTERNS: Record<Case, RegExp> = {
  kebab: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  snake: /^[a-z0-9]+(_[a-z0-9]+)*$/,
  camel: /^[a-z0-9][a-zA-Z0-9]*$/,
  pascal: /^[A-Z][a-zA-Z0-9]*$/,
};

export function isCase(name: string, convention: Case): boolean {
  return PATTERNS[convention].test(name);
}

/**
 * The convention a name shows on its own: `order_items` is snake, `orderItems` camel,
 * `order-items` kebab, `OrderItems` pascal. A single lowercase word (`page`) shows none
 * (it fits snake, camel and kebab alike); a name mixing two (`order_Items`) is `mixed`.
 */
export function conventionOf(name: string): Case | 'neutral' | 'mixed' {
  if (/^[a-z0-9]+$/.test(name)) return 'neutral';
  if (/^[a-z0-9]+(_[a-z0-9]+)+$/.test(name)) return 'snake';
  if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(name)) return 'kebab';
  if (/^[a-z0-9][a-z0-9]*[A-Z][a-zA-Z0-9]*$/.test(name)) return 'camel';
  if (PATTERNS.pascal.test(name)) return 'pascal';
  return 'mixed';
}

/** The name written in a convention: `toCase('orderItems', 'kebab')` is `order-items`. */
export function toCase(name: string, convention: Case): string {
  const words = splitWords(name, { digits: 'keep' });
  const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  switch (convention) {
    case 'kebab':
      return words.join('-');
    case 'snake':
      return words.join('_');
    case 'camel':
      return words.map((word, index) => (index === 0 ? word : capital(word))).join('');
    case 'pascal':
      return words.map(capital).join('');
  }
}

/** A name with its `_` joins written the convention's way: `todo_items` → `todo-items` (kebab), `todoItems` (camel). */
export function joinUnderscored(name: string, convention: 'kebab' | 'camel'): string {
  return convention === 'kebab' ? name.replace(/_+/g, '-') : name.replace(/_+([a-zA-Z0-9])/g, (_, next: string) => next.toUpperCase());
}
