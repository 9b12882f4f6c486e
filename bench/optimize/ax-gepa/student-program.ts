// The ax program GEPA optimizes: one input (the rendered user message) and one output (the model's raw answer).
import { ax } from '@ax-llm/ax';

/** ax titles its fields from their names; the adapters read and write these titles. */
export const USER_MESSAGE_TITLE = 'User Message';
export const ANSWER_TITLE = 'Answer';

/**
 * The program, with the seed instruction set when it is not blank. Its one optimizable component is
 * `root::instruction` (no signature description, so no `root::description` component).
 * @example
 * const program = createStudentProgram('Extract schema.org JSON-LD.');
 * await program.forward(studentService, { userMessage: 'Page:\n<html>…</html>' }); // { answer: '…' }
 */
export function createStudentProgram(instruction: string) {
  const program = ax('userMessage:string "The user message" -> answer:string "The answer"');
  if (instruction.trim() !== '') program.setInstruction(instruction);
  return program;
}

/** The instruction of a GEPA component map (`<programId>::instruction`), or undefined. */
export function instructionOf(componentMap: Readonly<Record<string, string>> | undefined): string | undefined {
  if (componentMap === undefined) return undefined;
  const key = Object.keys(componentMap).find((name) => name.endsWith('::instruction'));
  return key === undefined ? undefined : componentMap[key];
}
