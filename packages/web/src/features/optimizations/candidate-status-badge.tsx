// A candidate's status as a badge, spelt out (minibatch rejections are cheap, validation rejections are not).
import type { CandidateStatus } from '@kaizen/core';
import { Badge } from '../../components/status';

const TONES = {
  start: 'neutral',
  proposed: 'neutral',
  'rejected-minibatch': 'warn',
  rejected: 'bad',
  accepted: 'good',
  'not-evaluated': 'neutral',
} as const satisfies Record<CandidateStatus, 'good' | 'bad' | 'neutral' | 'warn'>;

const WORDS = {
  start: 'start',
  proposed: 'proposed',
  'rejected-minibatch': 'rejected on minibatch',
  rejected: 'rejected on validation',
  accepted: 'accepted',
  'not-evaluated': 'not evaluated',
} as const satisfies Record<CandidateStatus, string>;

export function CandidateStatusBadge(props: { readonly status: CandidateStatus }) {
  return <Badge tone={TONES[props.status]}>{WORDS[props.status]}</Badge>;
}
