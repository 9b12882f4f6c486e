// The registry message of a candidate's prompt version: which run and candidate made it, how, and why.
import type { CandidateRecord } from '@kaizen/core';

const MAX_MESSAGE = 500;

/**
 * @example
 * candidateVersionMessage(runId, candidate);
 * // 'kaizen optimize 6f1c…-… c3 (criterion-to-instruction, cause:json): Ask for raw JSON only'
 */
export function candidateVersionMessage(runId: string, candidate: CandidateRecord): string {
  const edit = candidate.edit;
  const how =
    edit === null ? 'start' : [edit.operator, ...(edit.causeId !== undefined ? [edit.causeId] : [])].join(', ');
  const message = `kaizen optimize ${runId} ${candidate.id} (${how})${edit === null ? '' : `: ${edit.description}`}`;
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`;
}
