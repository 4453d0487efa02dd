import type { FixEdit, TextEdit } from './rule';
import { insertEntries, removeEntry } from './source/edits';

/** The text edit a rule's fix edit stands for, or undefined when it cannot be placed exactly. */
export function textEditOf(edit: FixEdit): TextEdit | undefined {
  if ('remove' in edit) return removeEntry(edit.remove.file, edit.remove.pointer);
  if ('into' in edit) return insertEntries(edit.into.file, edit.into.pointer, edit.entries);
  const range = edit.at.file.editRangeOf(edit.at.pointer, edit.part, edit.within);
  return range && { range, newText: edit.newText };
}
