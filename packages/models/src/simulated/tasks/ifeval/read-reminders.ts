// Reads a system prompt's reminders and turns them into how much each instruction's failure rate shrinks.
import type { IfevalInstructionId } from '@kaizen/core';
import { detectInstruction } from '../../instructions/detect-instruction.js';
import { instructionClass } from './ifeval-rules.js';
import { CLASS_REMINDERS, FOLLOW_ALL, TYPE_REMINDERS } from './reminder-families.js';

/**
 * Failure rate multipliers: a general reminder, a reminder of the class, a reminder of the very type.
 * @example
 * baseFailureRate(id) * REMINDER_EFFECT.class; // the failure rate under "respect length limits"
 */
export const REMINDER_EFFECT = { general: 0.7, class: 0.5, type: 0.3 } as const;

export interface Reminders {
  readonly general: boolean;
  /** The multiplier of an instruction type's failure rate, 1 when nothing reminds of it. */
  readonly multiplier: (id: IfevalInstructionId) => number;
  /** What the system prompt reminded of, for tests: 'general', class names, instruction ids. */
  readonly found: readonly string[];
}

/**
 * The reminders in a system prompt. Each is a phrase family read with the shared detector, so "don't worry about
 * word counts" reminds of nothing.
 * @example
 * readReminders('Count your words carefully.').multiplier('length_constraints:number_words'); // 0.3
 */
export function readReminders(system: string): Reminders {
  const general = detectInstruction(system, FOLLOW_ALL);
  const classes = new Set(
    Object.entries(CLASS_REMINDERS)
      .filter(([, reminder]) => detectInstruction(system, reminder))
      .map(([name]) => name),
  );
  const types = new Set(
    Object.entries(TYPE_REMINDERS)
      .filter(([, reminder]) => reminder !== undefined && detectInstruction(system, reminder))
      .map(([id]) => id),
  );
  const multiplier = (id: IfevalInstructionId) => {
    const specific = types.has(id)
      ? REMINDER_EFFECT.type
      : classes.has(instructionClass(id))
        ? REMINDER_EFFECT.class
        : 1;
    return (general ? REMINDER_EFFECT.general : 1) * specific;
  };
  return { general, multiplier, found: [...(general ? ['general'] : []), ...classes, ...types] };
}
