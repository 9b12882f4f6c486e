// How far a judged criterion can be trusted: its agreement with human labels (accuracy, Cohen's kappa, confusion).

/** One item where both the judge and a human gave a verdict on the same criterion; true = pass. */
export interface AgreementPair {
  readonly judge: boolean;
  readonly human: boolean;
}

/** "Positive" is pass; the human is the reference. */
export interface ConfusionCounts {
  /** judge pass, human pass */
  readonly tp: number;
  /** judge pass, human fail */
  readonly fp: number;
  /** judge fail, human pass */
  readonly fn: number;
  /** judge fail, human fail */
  readonly tn: number;
}

export interface JudgeAgreement {
  readonly n: number;
  readonly confusion: ConfusionCounts;
  /** null when n = 0. */
  readonly accuracy: number | null;
  /**
   * (p_o − p_e) / (1 − p_e). null when undefined: n = 0, or p_e = 1 (judge and human each gave one same verdict to
   * every item: perfect agreement, but nothing to tell apart from chance).
   */
  readonly kappa: number | null;
  /** Share of human passes the judge passed; null without human passes. */
  readonly truePositiveRate: number | null;
  /** Share of human fails the judge failed; null without human fails. */
  readonly trueNegativeRate: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * @example
 * judgeAgreement([{ judge: true, human: true }, { judge: true, human: false }, { judge: false, human: false }]);
 * // { n: 3, confusion: { tp: 1, fp: 1, fn: 0, tn: 1 }, accuracy: 0.667, kappa: 0.4, … }
 */
export function judgeAgreement(pairs: readonly AgreementPair[]): JudgeAgreement {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { judge, human } of pairs) {
    if (judge && human) tp += 1;
    else if (judge) fp += 1;
    else if (human) fn += 1;
    else tn += 1;
  }
  const n = tp + fp + fn + tn;
  let kappa: number | null = null;
  if (n > 0) {
    const observed = (tp + tn) / n;
    const expected = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n);
    kappa = expected === 1 ? null : (observed - expected) / (1 - expected);
  }
  return {
    n,
    confusion: { tp, fp, fn, tn },
    accuracy: ratio(tp + tn, n),
    kappa,
    truePositiveRate: ratio(tp, tp + fn),
    trueNegativeRate: ratio(tn, tn + fp),
  };
}

/** A judge verdict and a human label on one criterion of one item. */
export interface CriterionLabelPair extends AgreementPair {
  readonly criterionId: string;
}

/**
 * Agreement per criterion, in order of first appearance.
 * @example
 * judgeAgreementByCriterion(pairs).get('polite')?.kappa;
 */
export function judgeAgreementByCriterion(pairs: readonly CriterionLabelPair[]): Map<string, JudgeAgreement> {
  const grouped = new Map<string, AgreementPair[]>();
  for (const pair of pairs) {
    const list = grouped.get(pair.criterionId) ?? [];
    list.push(pair);
    grouped.set(pair.criterionId, list);
  }
  return new Map([...grouped].map(([id, list]) => [id, judgeAgreement(list)]));
}
