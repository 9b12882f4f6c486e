// The optimization loop: root causes of the current best's failures → edits aimed at them → cheap minibatch check →
// validation with the acceptance guard → repeat; the holdout split is measured once, at the end.
import type { DatasetItem } from '../../datasets/dataset.js';
import { KaizenError } from '../../errors/kaizen-error.js';
import type { PromptContent } from '../../prompts/prompt.js';
import { canonicalPromptContent } from '../../prompts/prompt-content.js';
import type { RcaReport, RootCause } from '../../rca/rca-types.js';
import type { PromptCandidate, PromptEdit } from '../operators/candidate.js';
import { estimatePromptTokens } from '../operators/estimate-prompt-tokens.js';
import { mergeCandidates } from '../operators/merge-candidates.js';
import type { TriedEdit } from '../reflection/reflection-protocol.js';
import { decideAcceptance } from './acceptance-guard.js';
import { addCost, BudgetTracker, NO_COST } from './budget-tracker.js';
import { compareSplits } from './compare-splits.js';
import type {
  AcceptanceDecision,
  CallCost,
  CandidateRecord,
  EvaluatedItem,
  OptimizationEvent,
  OptimizationInput,
  OptimizationOperator,
  OptimizationPorts,
  OptimizationResult,
  OptimizationStatus,
  SplitReport,
} from './optimization-types.js';
import { OPTIMIZATION_OPERATORS } from './optimization-types.js';
import { paretoFront } from './pareto-front.js';
import { compressionProposals, proposalsForCause, REFLECT_AGAIN } from './propose.js';
import { analyzeResults } from './rca-of-results.js';
import { seededShuffle } from './seeded-shuffle.js';
import { type SignLook, signThresholds } from './sequential-sign-test.js';
import { signTestGreater } from './sign-test.js';
import { meanScore, summarizeSplit } from './split-score.js';
import { triedEdit } from './tried-edit.js';

interface Candidate {
  record: CandidateRecord;
  readonly identity: string;
  readonly results: Map<string, EvaluatedItem>;
}

/** A second reflection is told at most this many earlier edits that did not help (the latest ones). */
const MAX_TRIED_EDITS_SHOWN = 3;

/** Stops the loop when the budget cannot pay for the next step. */
class OutOfBudget extends Error {}

const DEFAULTS = {
  seed: 0,
  minibatchSize: 3,
  compressionMinibatchSize: 6,
  causesPerRound: 5,
  alpha: 0.05,
  maxCriterionDrop: 0.25,
  compressionTolerance: 0,
  maxRounds: 6,
  plateauRounds: 2,
  rcaSampleSize: 30,
  validationLooks: 6,
};

/**
 * Runs the loop to the end and returns every candidate with its provenance, the Pareto front, the before/after
 * report on validation and (measured once, at the end) holdout, and what was spent. Deterministic: the same input
 * and the same port answers give the same requests in the same order — with a caching evaluate port, running it
 * again after a crash repeats no paid call.
 * @example
 * const result = await runOptimization(
 *   { start, criteria: checklist.criteria, items: { train, validation, holdout }, budget: { maxCandidateEvals: 300 } },
 *   { evaluate: createEvaluatePort({ model, checklist: compileChecklist(checklist), cache }), optimizer },
 * );
 * result.holdout?.after.score;
 */
export async function runOptimization(input: OptimizationInput, ports: OptimizationPorts): Promise<OptimizationResult> {
  return new OptimizationRun(input, ports).run();
}

class OptimizationRun {
  private readonly settings;
  private readonly operators: ReadonlySet<OptimizationOperator>;
  private readonly budget: BudgetTracker;
  private readonly candidates: Candidate[] = [];
  private readonly criterionIds: readonly string[];
  private readonly tried = new Set<string>();
  /**
   * Reflections that did not beat the best on their minibatch, per cause, oldest first — kept across rounds and
   * bests: what did not work on an earlier prompt is worth telling the optimizer on a later one.
   */
  private readonly failedReflections = new Map<string, TriedEdit[]>();
  /** This round's criteria split from a bundled cause: sub-cause id → bundle id. */
  private bundleOf = new Map<string, string>();
  private best!: Candidate;
  private rounds = 0;
  /** The train items the search runs on: RCA, minibatches and examples come from the best's results on them. */
  private readonly searchTrain: readonly DatasetItem[];
  /** Validation items in the seeded order candidates are tested in, one look after each chunk. */
  private readonly validationChunks: readonly (readonly DatasetItem[])[];

  constructor(
    private readonly input: OptimizationInput,
    private readonly ports: OptimizationPorts,
  ) {
    const settings = input.settings ?? {};
    this.settings = {
      seed: settings.seed ?? DEFAULTS.seed,
      minibatchSize: settings.minibatchSize ?? DEFAULTS.minibatchSize,
      compressionMinibatchSize: settings.compressionMinibatchSize ?? DEFAULTS.compressionMinibatchSize,
      causesPerRound: settings.causesPerRound ?? DEFAULTS.causesPerRound,
      alpha: settings.alpha ?? DEFAULTS.alpha,
      maxCriterionDrop: settings.maxCriterionDrop ?? DEFAULTS.maxCriterionDrop,
      compressionTolerance: settings.compressionTolerance ?? DEFAULTS.compressionTolerance,
      rcaSampleSize: settings.rcaSampleSize ?? DEFAULTS.rcaSampleSize,
      validationLooks: Math.max(
        1,
        Math.min(settings.validationLooks ?? DEFAULTS.validationLooks, input.items.validation.length),
      ),
      maxRounds: input.budget.maxRounds ?? DEFAULTS.maxRounds,
      plateauRounds: input.budget.plateauRounds ?? DEFAULTS.plateauRounds,
    };
    const wanted = settings.operators ?? OPTIMIZATION_OPERATORS;
    this.operators = new Set(wanted.filter((operator) => operator !== 'reflect' || ports.optimizer !== undefined));
    this.criterionIds = input.criteria.map((criterion) => criterion.id);
    const seed = this.settings.seed;
    this.searchTrain = seededShuffle(input.items.train, seed, 'rca-sample').slice(0, this.settings.rcaSampleSize);
    const order = seededShuffle(input.items.validation, seed, 'validation-order');
    const size = Math.max(1, Math.ceil(order.length / this.settings.validationLooks));
    this.validationChunks = Array.from({ length: Math.ceil(order.length / size) }, (_, look) =>
      order.slice(look * size, (look + 1) * size),
    );
    // The holdout report measures the start and the best prompt once each.
    this.budget = new BudgetTracker(input.budget, 2 * input.items.holdout.length);
    if (input.items.train.length === 0 || input.items.validation.length === 0) {
      throw new KaizenError('invalid_input', 'an optimization needs train and validation items');
    }
  }

  async run(): Promise<OptimizationResult> {
    const start = await this.addCandidate(this.input.start, null, null, 0, 'start');
    if (start === null) throw new KaizenError('internal', 'the start candidate could not be created');
    this.best = start;
    let status: OptimizationStatus = 'completed';
    try {
      await this.evaluateOn(start, this.searchTrain);
      await this.evaluateOn(start, this.validationChunks[0] ?? []);
      await this.update(start, { validation: this.validationScore(start) });
      status = await this.search();
    } catch (error) {
      if (error instanceof OutOfBudget) status = 'budget-exhausted';
      // A model call cut short by the abort (a port passes the signal on) ends the run as cancelled, not as a failure.
      else if (this.ports.signal?.aborted === true) status = 'cancelled';
      else throw error;
    }
    if (this.ports.signal?.aborted === true) status = 'cancelled';
    const result = await this.finish(start, status);
    await this.emit({ type: 'optimization-end', result });
    return result;
  }

  /** Rounds until the limit, a plateau, nothing left to try, or cancellation. */
  private async search(): Promise<OptimizationStatus> {
    let plateau = 0;
    while (this.rounds < this.settings.maxRounds) {
      if (this.ports.signal?.aborted === true) return 'cancelled';
      this.rounds++;
      const round = this.rounds;
      const report = analyzeResults(this.searchTrain, this.best.results, this.input.criteria);
      // Every open cause in order of lost score (bundles split while slots are left); the round stops once
      // `causesPerRound` of them gave a new proposal.
      const causes = this.causesWithSplitBundles(report).filter((cause) => !this.exhausted(cause));
      await this.emit({ type: 'round-start', round, causes: causes.map((cause) => cause.id) });
      const { promising, neutral } = await this.tryCauses(causes, report, round);
      const compressing = await this.tryCompression(round, promising.length === 0);
      const accepted = await this.validate(promising, neutral, compressing, round);
      if (accepted !== null) {
        this.best = accepted;
        await this.evaluateOn(accepted, this.searchTrain);
        plateau = 0;
      } else {
        plateau++;
      }
      await this.emit({
        type: 'optimization-round-end',
        round,
        bestId: this.best.record.id,
        bestScore: this.best.record.validation?.score ?? 0,
        accepted: accepted === null ? [] : [accepted.record.id],
        spend: this.budget.spend,
      });
      const nothingLeft =
        causes.length === 0 && promising.length === 0 && compressing.length === 0 && !this.canCompressMore();
      if (nothingLeft && accepted === null) return 'completed';
      if (plateau >= this.settings.plateauRounds) return 'plateau';
    }
    return 'completed';
  }

  /**
   * The report's causes, then — when they are fewer than the round's slots — each criterion of a bundled cause on its
   * own, in order of lost score. A prompt that fails everything (a weak start) gives one bundle of all criteria: a
   * reflection changes a few sentences per edit, so one proposal for the bundle fixed part of it and the rest waited
   * a round (and a re-run of the RCA sample). Sub-causes use the slots the round has anyway (`tryCauses` stops at
   * `causesPerRound` attacked causes); their fixes meet in the merge.
   */
  private causesWithSplitBundles(report: RcaReport): RootCause[] {
    const causes = [...report.causes];
    const known = new Set(causes.map((cause) => cause.id));
    this.bundleOf = new Map();
    if (causes.length >= this.settings.causesPerRound) return causes;
    for (const mode of report.failureModes) {
      const bundle = report.causes.find(
        (cause) => cause.criteria.length > 1 && cause.criteria.includes(mode.criterionId),
      );
      if (bundle === undefined || mode.failures === 0) continue;
      const criterion = this.input.criteria.filter((candidate) => candidate.id === mode.criterionId);
      const single = analyzeResults(this.searchTrain, this.best.results, criterion).causes[0];
      if (single === undefined || known.has(single.id)) continue;
      known.add(single.id);
      this.bundleOf.set(single.id, bundle.id);
      causes.push(single);
    }
    return causes;
  }

  private exhausted(cause: RootCause): boolean {
    const untried = (['reflect', 'criterion-to-instruction', 'few-shot'] as const).some(
      (operator) => this.operators.has(operator) && !this.wasTried(cause, operator),
    );
    const failed = this.failedReflections.get(cause.id) ?? [];
    return !untried && (failed.length === 0 || this.wasTried(cause, REFLECT_AGAIN));
  }

  /**
   * Whether the proposal (by its `tried` key) was tried against this cause on the current best. A criterion split
   * from a bundle counts criterion-to-instruction as tried once the bundle tried it: that edit states every criterion
   * of the bundle.
   */
  private wasTried(cause: RootCause, operator: string): boolean {
    if (this.tried.has(this.triedKey(cause.id, operator))) return true;
    const bundle = this.bundleOf.get(cause.id);
    return (
      operator === 'criterion-to-instruction' && bundle !== undefined && this.tried.has(this.triedKey(bundle, operator))
    );
  }

  private triedKey(causeId: string, operator: string): string {
    return `${this.best.record.id}|${causeId}|${operator}`;
  }

  /**
   * Per cause, proposals in order of preference until one beats the best on the cause's minibatch (promising). A
   * proposal that changed no item's score there (neutral: no item better, none worse) is kept for the merge only.
   */
  private async tryCauses(
    causes: readonly RootCause[],
    report: RcaReport,
    round: number,
  ): Promise<{ promising: Candidate[]; neutral: Candidate[] }> {
    const promising: Candidate[] = [];
    const neutral: Candidate[] = [];
    let attacked = 0;
    for (const cause of causes) {
      // A cause whose proposals are all already in the prompt (or were tried) costs no task call: it does not count.
      if (attacked >= this.settings.causesPerRound) break;
      const minibatch = this.causeMinibatch(cause, round);
      let keptNeutral: Candidate | null = null;
      let triedOne = false;
      // Two proposals per cause and round: a cause the first two cannot move waits for the next round. The next
      // proposal is chosen after the last one is known, so a reflection that did not help is followed by a second
      // one told what it added.
      for (let attempt = 0; attempt < 2; attempt++) {
        const [proposal] = proposalsForCause({
          content: this.best.record.content,
          cause,
          report,
          criteria: this.input.criteria,
          train: this.trainPairs(),
          operators: this.operators,
          seed: this.settings.seed + round,
          failedReflections: (this.failedReflections.get(cause.id) ?? []).slice(-MAX_TRIED_EDITS_SHOWN),
          tried: (key) => this.wasTried(cause, key),
        });
        if (proposal === undefined) break;
        this.tried.add(this.triedKey(cause.id, proposal.key));
        if (proposal.operator === 'reflect' && !this.budget.canAfford(1, 0)) continue;
        const made = await proposal.make(this.ports.optimizer);
        if (proposal.operator === 'reflect') this.budget.record(made.cost, 0, made.cost.calls);
        if (made.candidate === null) continue;
        const candidate = await this.addCandidate(
          made.candidate.content,
          made.candidate.edit,
          this.best,
          round,
          'proposed',
          made.cost,
        );
        if (candidate === null) continue;
        if (!triedOne) attacked++;
        triedOne = true;
        // Promising: a higher score on the minibatch that comes (at least in part) from fixing the cause — a gain on
        // another criterion alone is the noise of a 3-item screen, or an edit that belongs to another cause.
        if ((await this.beatsBestOn(candidate, minibatch)) && this.fixesCause(candidate, cause, minibatch)) {
          promising.push(candidate);
          break;
        }
        const result = candidate.record.minibatch;
        const tried = result === null ? null : triedEdit(this.best.record.content, candidate.record.content, result);
        if (proposal.operator === 'reflect' && tried !== null) {
          this.failedReflections.set(cause.id, [...(this.failedReflections.get(cause.id) ?? []), tried]);
        }
        // The later of two neutral proposals is kept: a second reflection knows what the first one tried.
        if (this.unchangedOn(candidate, minibatch)) keptNeutral = candidate;
        await this.update(candidate, { status: 'rejected-minibatch' });
      }
      if (keptNeutral !== null && !promising.some((found) => found.record.edit?.causeId === cause.id)) {
        neutral.push(keptNeutral);
      }
    }
    return { promising, neutral };
  }

  /** Whether some item of `items` fails a criterion of the cause under the best and passes it under the candidate. */
  private fixesCause(candidate: Candidate, cause: RootCause, items: readonly DatasetItem[]): boolean {
    return items.some((item) => {
      const before = this.best.results.get(item.itemId);
      const after = candidate.results.get(item.itemId);
      return cause.criteria.some((id) => before?.statuses[id] === 'failed' && after?.statuses[id] === 'passed');
    });
  }

  /** Whether the candidate scored exactly as the best on every item of the minibatch. */
  private unchangedOn(candidate: Candidate, items: readonly DatasetItem[]): boolean {
    return items.every(
      (item) => candidate.results.get(item.itemId)?.score === this.best.results.get(item.itemId)?.score,
    );
  }

  /** Whether block ablations of the best are left to try (a round tries two at most). */
  private canCompressMore(): boolean {
    if (!this.operators.has('ablate')) return false;
    return compressionProposals(this.best.record.content, this.best.record.id).some(
      (proposal) => !this.tried.has(proposal.key),
    );
  }

  /** Block ablations of the best prompt: tried when no cause gave a lead, or when the prompt is long. */
  private async tryCompression(round: number, idle: boolean): Promise<Candidate[]> {
    if (!this.operators.has('ablate')) return [];
    const tokens = this.best.record.promptTokens;
    if (!idle && tokens < 400) return [];
    const found: Candidate[] = [];
    // Two tries per round at most: compression must not eat the budget meant for fixing causes.
    const proposals = compressionProposals(this.best.record.content, this.best.record.id)
      .filter((proposal) => !this.tried.has(proposal.key))
      .slice(0, 2);
    for (const proposal of proposals) {
      this.tried.add(proposal.key);
      const candidate = await this.addCandidate(
        proposal.candidate.content,
        proposal.candidate.edit,
        this.best,
        round,
        'proposed',
      );
      if (candidate === null) continue;
      const minibatch = seededShuffle(this.searchTrain, this.settings.seed, 'compress', round, proposal.key).slice(
        0,
        this.settings.compressionMinibatchSize,
      );
      if (await this.beatsBestOn(candidate, minibatch, true)) {
        found.push(candidate);
        break;
      }
      await this.update(candidate, { status: 'rejected-minibatch' });
    }
    return found;
  }

  /**
   * Validates the merge of the promising edits first (all fixes at once), then each alone by minibatch gain; the
   * first the guard accepts becomes the best.
   */
  private async validate(
    promising: Candidate[],
    neutral: readonly Candidate[],
    compressing: Candidate[],
    round: number,
  ): Promise<Candidate | null> {
    const queue: Candidate[] = [];
    const gain = (candidate: Candidate) =>
      (candidate.record.minibatch?.score ?? 0) - (candidate.record.minibatch?.parentScore ?? 0);
    const byGain = [...promising].sort((a, b) => gain(b) - gain(a));
    // Neutral edits ride along in the merge: a 6-item minibatch often holds no item they would change, and the merge
    // is validated as a whole, so an edit that does harm there takes the merge down with it. Promising edits keep
    // the order of their causes (most lost score first).
    if (promising.length >= 1 && this.operators.has('merge')) {
      const merged = await this.mergeAll([...promising, ...neutral], round);
      if (merged !== null) queue.push(merged);
    }
    queue.push(...byGain, ...compressing);
    for (const candidate of queue) {
      if (this.ports.signal?.aborted === true) return null;
      const acceptance = await this.testOnValidation(candidate);
      await this.update(candidate, {
        validation: this.validationScore(candidate),
        acceptance,
        status: acceptance.accepted ? 'accepted' : 'rejected',
      });
      if (acceptance.accepted) return candidate;
    }
    return null;
  }

  /**
   * A group-sequential test: the validation split is read in chunks (looks), candidate and best on the same items.
   * Each look may accept an improvement when the wins reach that look's threshold (`signThresholds`: an exact
   * sign test with error spending, so the chance of a false accept over all looks stays under alpha however early
   * the test stops) — at an interim look only when no criterion lost a single item net — and rejects as soon as a
   * criterion regressed, no more items are better than worse, or the improvement can no longer become significant.
   * Compression is decided at the last look only: "not worse" needs every item.
   */
  private async testOnValidation(candidate: Candidate): Promise<AcceptanceDecision> {
    const looks = this.validationChunks.length;
    const total = this.validationChunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const guard = {
      criterionIds: this.criterionIds,
      tokensBefore: this.best.record.promptTokens,
      tokensAfter: candidate.record.promptTokens,
      alpha: this.settings.alpha,
      maxCriterionDrop: this.settings.maxCriterionDrop,
      compressionTolerance: this.settings.compressionTolerance,
    };
    let seen: DatasetItem[] = [];
    const history: SignLook[] = [];
    let decision = decideAcceptance({ ...guard, before: [], after: [] });
    for (let look = 0; look < looks; look++) {
      const chunk = this.validationChunks[look] ?? [];
      seen = [...seen, ...chunk];
      await this.evaluateOn(this.best, chunk);
      await this.evaluateOn(candidate, chunk);
      const final = look === looks - 1;
      const paired = { before: this.resultsOn(this.best, seen), after: this.resultsOn(candidate, seen) };
      const counts = decideAcceptance({ ...guard, ...paired, improvementAlpha: 0, allowCompression: false });
      const discordant = counts.wins + counts.losses;
      history.push({ discordant, fraction: seen.length / total });
      const threshold = signThresholds(this.settings.alpha, history).at(-1) ?? discordant + 1;
      // The p-value of exactly `threshold` wins: the sign test's p is at most this one exactly when wins ≥ threshold.
      const improvementAlpha =
        threshold > discordant ? 0 : signTestGreater(threshold, discordant - threshold) * (1 + 1e-9);
      decision = decideAcceptance({ ...guard, ...paired, improvementAlpha, allowCompression: final });
      if (final || decision.regressions.length > 0) return decision;
      const netLoss = this.criterionIds.some((id) => this.netBroken(this.best, candidate, seen, id) > 0);
      if (decision.kind === 'improvement' && !netLoss) return decision;
      // Futility: even if every item still to come scored higher, a fixed-split sign test at alpha would not accept
      // — and the last look of the sequential test never accepts what that test would not.
      const remaining = total - seen.length;
      const shorter = candidate.record.promptTokens < this.best.record.promptTokens;
      // Non-binding futility: more items worse than better, or once half the split is read no more better than
      // worse, is no sign of a gain — stopping there can only lower the chance of a false accept, and saves the rest
      // of the split for other candidates.
      const noSign = decision.wins < decision.losses || (decision.wins === decision.losses && 2 * seen.length >= total);
      if (!shorter && (noSign || signTestGreater(decision.wins + remaining, decision.losses) >= this.settings.alpha)) {
        return { ...decision, accepted: false, kind: null, reason: `stopped early: ${decision.reason}` };
      }
    }
    return decision;
  }

  /** Items of `items` where the criterion passed under `a` and failed under `b`, minus the reverse. */
  private netBroken(a: Candidate, b: Candidate, items: readonly DatasetItem[], criterionId: string): number {
    let net = 0;
    for (const item of items) {
      const before = a.results.get(item.itemId)?.statuses[criterionId];
      const after = b.results.get(item.itemId)?.statuses[criterionId];
      if (before === 'passed' && after === 'failed') net++;
      if (before === 'failed' && after === 'passed') net--;
    }
    return net;
  }

  /**
   * Merges the edits in order (causes by lost score, then the neutral ones); an edit that conflicts with those already merged is left out
   * rather than sinking the others. Null when fewer than two edits could be combined.
   */
  private async mergeAll(edits: readonly Candidate[], round: number): Promise<Candidate | null> {
    const base = this.best.record.content;
    let merged: PromptCandidate | null = null;
    let count = 0;
    for (const candidate of edits) {
      const next: PromptCandidate = { content: candidate.record.content, edit: candidate.record.edit as PromptEdit };
      const combined: PromptCandidate | null = merged === null ? next : mergeCandidates(base, merged, next);
      if (combined === null) continue;
      merged = combined;
      count++;
    }
    if (merged === null || count < 2) return null;
    return this.addCandidate(merged.content, merged.edit, this.best, round, 'proposed');
  }

  /**
   * Train items failing the cause (three quarters, rounded up: all of a minibatch of 3) and a sample of the others,
   * seeded per round and cause.
   */
  private causeMinibatch(cause: RootCause, round: number): DatasetItem[] {
    const failing: DatasetItem[] = [];
    const others: DatasetItem[] = [];
    for (const item of this.searchTrain) {
      const result = this.best.results.get(item.itemId);
      if (result === undefined || result.score === null) continue;
      (cause.criteria.some((id) => result.statuses[id] === 'failed') ? failing : others).push(item);
    }
    const size = this.settings.minibatchSize;
    const wantFailing = Math.min(failing.length, Math.ceil(size * 0.75));
    const pickedFailing = seededShuffle(failing, this.settings.seed, 'fail', round, cause.id).slice(0, wantFailing);
    const pickedOthers = seededShuffle(others, this.settings.seed, 'pass', round, cause.id).slice(
      0,
      size - wantFailing,
    );
    return [...pickedFailing, ...pickedOthers];
  }

  private trainPairs(): { item: DatasetItem; result: EvaluatedItem }[] {
    return this.searchTrain.flatMap((item) => {
      const result = this.best.results.get(item.itemId);
      return result === undefined || result.error !== null ? [] : [{ item, result }];
    });
  }

  /** A strict gain on the minibatch (or, for compression, no loss) over the best's known results on it. */
  private async beatsBestOn(candidate: Candidate, items: readonly DatasetItem[], noLoss = false): Promise<boolean> {
    if (items.length === 0) return false;
    await this.evaluateOn(candidate, items);
    const score = meanScore(this.resultsOn(candidate, items));
    const parentScore = meanScore(this.resultsOn(this.best, items));
    await this.update(candidate, { minibatch: { score, parentScore, n: items.length } });
    return noLoss ? score >= parentScore : score > parentScore;
  }

  private resultsOn(candidate: Candidate, items: readonly DatasetItem[]): EvaluatedItem[] {
    return items.flatMap((item) => {
      const result = candidate.results.get(item.itemId);
      return result === undefined ? [] : [result];
    });
  }

  /** Over the validation items this candidate was run on (a candidate stopped early was run on fewer). */
  private validationScore(candidate: Candidate) {
    return summarizeSplit(this.resultsOn(candidate, this.input.items.validation), this.criterionIds);
  }

  /**
   * Evaluates the items the candidate has no result for yet. Refuses (OutOfBudget) when they do not fit the
   * budget; with a token or dollar limit and no call seen yet, one item goes first so later steps can be estimated.
   */
  private async evaluateOn(candidate: Candidate, items: readonly DatasetItem[], split = 'search'): Promise<void> {
    const missing = items.filter((item) => !candidate.results.has(item.itemId));
    if (missing.length === 0) return;
    const reserved = split === 'holdout';
    const batches = this.budget.needsProbe ? [missing.slice(0, 1), missing.slice(1)] : [missing];
    for (const batch of batches) {
      if (batch.length === 0) continue;
      const evals = reserved ? 0 : batch.length;
      if (!this.budget.canAfford(batch.length, evals, { reserved })) throw new OutOfBudget();
      if (this.ports.signal?.aborted === true) throw new OutOfBudget();
      await this.emit({ type: 'evaluation-start', candidateId: candidate.record.id, split, items: batch.length });
      const { items: results, cost } = await this.ports.evaluate(candidate.record.content, batch);
      this.budget.record(cost, evals);
      for (const result of results) candidate.results.set(result.itemId, result);
      await this.update(candidate, { cost: addCost(candidate.record.cost, cost) });
      await this.emit({
        type: 'evaluation-end',
        candidateId: candidate.record.id,
        split,
        score: meanScore(results),
      });
    }
  }

  /** A new candidate, or null when a candidate with the same content exists already (nothing new to learn). */
  private async addCandidate(
    content: PromptContent,
    edit: PromptEdit | null,
    parent: Candidate | null,
    round: number,
    status: CandidateRecord['status'],
    cost: CallCost = NO_COST,
  ): Promise<Candidate | null> {
    const identity = canonicalPromptContent(content);
    if (this.candidates.some((candidate) => candidate.identity === identity)) return null;
    const candidate: Candidate = {
      identity,
      results: new Map(),
      record: {
        id: `c${this.candidates.length}`,
        parentId: parent?.record.id ?? null,
        round,
        content,
        edit,
        promptTokens: estimatePromptTokens(content),
        status,
        minibatch: null,
        validation: null,
        acceptance: null,
        cost,
      },
    };
    this.candidates.push(candidate);
    await this.emit({ type: 'candidate', candidate: candidate.record });
    return candidate;
  }

  private async update(candidate: Candidate, patch: Partial<CandidateRecord>): Promise<void> {
    candidate.record = { ...candidate.record, ...patch };
    await this.emit({ type: 'candidate', candidate: candidate.record });
  }

  private async emit(event: OptimizationEvent): Promise<void> {
    await this.ports.onEvent?.(event);
  }

  private async finish(start: Candidate, status: OptimizationStatus): Promise<OptimizationResult> {
    const best = this.best;
    // Validation items both prompts were run on during the search: the report makes no call of its own.
    const paired = this.input.items.validation.filter(
      (item) => start.results.has(item.itemId) && best.results.has(item.itemId),
    );
    const validation = compareSplits(
      this.resultsOn(start, paired),
      this.resultsOn(best, paired),
      this.criterionIds,
      this.settings.alpha,
    );
    let holdout: SplitReport | null = null;
    const holdoutItems = this.input.items.holdout;
    if (holdoutItems.length > 0 && status !== 'cancelled') {
      try {
        await this.evaluateOn(start, holdoutItems, 'holdout');
        await this.evaluateOn(best, holdoutItems, 'holdout');
        holdout = compareSplits(
          this.resultsOn(start, holdoutItems),
          this.resultsOn(best, holdoutItems),
          this.criterionIds,
          this.settings.alpha,
        );
      } catch (error) {
        // The reservation is an estimate: when the report no longer fits, it is left out rather than overspent.
        if (!(error instanceof OutOfBudget)) throw error;
      }
    }
    const validated = this.candidates.filter((candidate) => candidate.record.validation !== null);
    return {
      status,
      rounds: this.rounds,
      startId: start.record.id,
      bestId: best.record.id,
      candidates: this.candidates.map((candidate) => candidate.record),
      paretoFront: paretoFront(
        validated.map((candidate) => ({
          id: candidate.record.id,
          score: candidate.record.validation?.score ?? 0,
          tokens: candidate.record.promptTokens,
        })),
      ),
      validation,
      holdout,
      spend: this.budget.spend,
    };
  }
}
