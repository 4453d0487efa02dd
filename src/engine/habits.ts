/**
 * Document-wide habits: a guideline that most operations of a document break is the document's
 * habit, not a fault of each operation, and is reported once ("all 639 GET operations…"), with
 * per-operation findings only where the API is inconsistent (a minority breaks it). A rule
 * marks the reports that are one operation's case of a habit (`Report.habit`, naming a message
 * of `meta.habits`, with `usedBy` the operation) and counts every operation the guideline
 * applies to (`RuleContext.checked`); the engine (lint.ts) decides after the walk.
 */
import type { FindingInput } from './finding';
import type { NodeLocation } from './model/location';

/** More than this share of the checked operations (and at least MIN_OPERATIONS of them) make a habit. */
export const HABIT_SHARE = 0.5;
export const MIN_OPERATIONS = 5;

/** Whether `count` of `total` operations breaking a guideline is the document's habit. */
export function isHabit(count: number, total: number): boolean {
  return count >= MIN_OPERATIONS && count > HABIT_SHARE * total;
}

/** `all 639` or `600 of 639`: how a habit's message counts the operations (`{{share}}`). */
export function shareText(count: number, total: number): string {
  return count === total ? `all ${total}` : `${count} of ${total}`;
}

interface Habit {
  /** The operations (by name, `GET /users`) the guideline applies to. */
  checked: Set<string>;
  /** The operations that break it, and the findings that say so. */
  broken: Set<string>;
  findings: FindingInput[];
  /** The first held report's data, for the habit's message (`{{format}}`). */
  data?: Record<string, string | number>;
}

/** One rule's habits during a lint: its per-operation findings held back until the walk ends. */
export class HabitFindings {
  private readonly habits = new Map<string, Habit>();

  private habit(id: string): Habit {
    let habit = this.habits.get(id);
    if (!habit) this.habits.set(id, (habit = { checked: new Set(), broken: new Set(), findings: [] }));
    return habit;
  }

  checked(id: string, operation: string): void {
    this.habit(id).checked.add(operation);
  }

  hold(id: string, operation: string, finding: FindingInput, data?: Record<string, string | number>): void {
    const habit = this.habit(id);
    habit.data ??= data;
    habit.checked.add(operation);
    habit.broken.add(operation);
    habit.findings.push(finding);
  }

  /**
   * The findings to report: a habit's one document-wide finding (made by `summary`, with the
   * counts) in place of its per-operation findings, or those findings as they were.
   */
  settle(summary: (id: string, data: Record<string, string | number>) => FindingInput): FindingInput[] {
    const results: FindingInput[] = [];
    for (const [id, habit] of this.habits) {
      const count = habit.broken.size;
      const total = habit.checked.size;
      if (isHabit(count, total)) results.push(summary(id, { ...habit.data, share: shareText(count, total), count, total }));
      else results.push(...habit.findings);
    }
    return results;
  }
}

/** Where a document-wide finding goes: the entry document's `paths` key (the document itself when it has none). */
export function documentWideLocation(root: NodeLocation): NodeLocation {
  const data = root.file.data;
  const hasPaths = data !== null && typeof data === 'object' && 'paths' in data;
  return hasPaths ? { file: root.file, pointer: [...root.pointer, 'paths'] } : root;
}
