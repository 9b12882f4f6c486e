// Public surface of checklist evaluation (the IFEval checks are exported from ./ifeval).
export type {
  CheckKind,
  CheckOf,
  CheckSpec,
  ContainsCheck,
  CustomCheck,
  EqualsCheck,
  ExpectedSource,
  FieldEqualsCheck,
  FieldMatchesCheck,
  IfevalCheck,
  JsonMode,
  JsonSchemaCheck,
  JsonValidCheck,
  LlmJudgeCheck,
  MaxCostCheck,
  MaxLatencyCheck,
  MaxStepsCheck,
  MaxTokensCheck,
  NumericRangeCheck,
  OutputLanguageCheck,
  RegexCheck,
  SetOverlapCheck,
  ToolArgsValidCheck,
  ToolCalledCheck,
  TraceCheck,
} from './check-spec.js';
export type { AppliesWhen, Checklist, Criterion, LabelCondition, LabelRule } from './checklist.js';
export { CHECK_KINDS, CHECKS } from './checks/registry.js';
export { type SetOverlap, setOverlap } from './checks/set-overlap.js';
export { type CompileChecklistOptions, type CompiledChecklist, compileChecklist } from './compile-checklist.js';
export type { CustomCheckFunction, CustomCheckResult } from './custom-check-function.js';
export type { EvaluationSubject } from './evaluation-subject.js';
// MISSING is generic at the package root; it is the sentinel of readJsonPath.
export { compileJsonPath, type JsonPath, MISSING as JSON_PATH_MISSING, readJsonPath } from './json-path.js';
export { buildJudgeMessages, type JudgeQuestion, judgeResponseSchema } from './judge/judge-prompt.js';
export { type JudgeAnswer, type ParsedJudgeReply, parseJudgeReply } from './judge/parse-judge-answer.js';
export {
  type AgreementPair,
  type ConfusionCounts,
  type CriterionLabelPair,
  type JudgeAgreement,
  judgeAgreement,
  judgeAgreementByCriterion,
} from './judge-agreement.js';
export { type ParsedJson, parseJsonOutput } from './parse-json-output.js';
export type { ChecklistResult, CriterionResult, CriterionStatus } from './results.js';
export { subjectFromTrace } from './subject-from-trace.js';
export { type ObservedToolCall, observeToolCalls } from './trace-facts.js';
