// What a run's status allows and how it reads: finished or not, which buttons apply, its badge tone.
import type { OptimizationRun, OptimizationRunStatus } from './optimization-types';

/** Only a running run can be cancelled; one that stopped before its end can go on. */
const RESUMABLE: readonly OptimizationRunStatus[] = ['interrupted', 'failed', 'cancelled'];

export function canCancel(run: Pick<OptimizationRun, 'status'>): boolean {
  return run.status === 'running';
}

export function canResume(run: Pick<OptimizationRun, 'status'>): boolean {
  return RESUMABLE.includes(run.status);
}

export function statusTone(status: OptimizationRunStatus): 'good' | 'bad' | 'neutral' | 'warn' {
  switch (status) {
    case 'completed':
    case 'plateau':
      return 'good';
    case 'budget-exhausted':
    case 'running':
      return 'neutral';
    case 'cancelled':
    case 'interrupted':
      return 'warn';
    case 'failed':
      return 'bad';
  }
}

/** The best candidate is the start: nothing beat it, so there is nothing to label. */
export function bestIsStart(run: OptimizationRun): boolean {
  const bestId = run.result?.bestId ?? run.progress.bestCandidateId;
  const startId = run.result?.startId ?? 'c0';
  return bestId === null || bestId === startId || run.bestVersion === null || run.bestVersion === run.startVersion;
}
