// The public face of the core: pure TypeScript shared by the extension hosts, the CLI, the tests and the benchmarks.
// Every name is listed on purpose (CONTRIBUTING.md keeps the list; test/unit/coreIndex.test.ts checks it): a name a
// view does not need stays in its module, where its own unit tests import it.

// The contract of design.md: softmax and array finding.
export { logSoftmax, logSumExp, softmax, softmaxRows } from './softmax';
export { SoftmaxInputError, type SoftmaxOptions } from './softmaxInput';
export { findArrays, type FoundArray } from './findArrays';

// Errors by code, worded through a translate function.
export { describeError } from './softmaxInput';
export { errorTemplates, type ErrorCode, type Translate } from './messages';

// Statistics of a distribution, the rows of a shape, and the walkthrough's breakdown of one softmax.
export { argmax, crossEntropy, entropy, meanCrossEntropy, topK } from './stats';
export { rowsOf } from './softmaxInput';
export { breakdown, type Breakdown } from './breakdown';
export { distributionOf, type Distribution, type DistributionRow } from './distribution';

// Numbers and arrays written for people (views) and as code (Copy, Insert Below).
export {
  formatArray, formatNumber, formatProbability, formatProbabilityDigits, probabilityFacts,
  type ExportSyntax, type ProbabilityFacts, type ProbabilityUse,
} from './format';

// What each language changes: scanner rules, comments, export syntax, file endings.
export { checkedEndings, exportSyntaxFor, languageFacts, languageOfPath, type Commenting, type LanguageFacts } from './languages';

// The editor's scan of a document: kept per version, edited incrementally, asked about the array at a place.
export {
  ArrayScan, arrayContaining, composeEdits, parseNumberList, requireWholeArray,
  type ScanResult, type TextEdit,
} from './findArrays';
export { arrayWindowSteps, type TextSource, type WindowAnswer, type WindowLimits } from './arrayWindow';

// Meaning: an array's role, its print precision, and claims that a print is the softmax of an array.
export { classifyArray, classifySteps, roleWindow, type ArrayRole, type Role, type RoleReason } from './roles';
export { nameBoundTo } from './surroundings';
export { printPrecision, rowLogSumExpChecks, rowSumChecks, type PrintPrecision, type RowSumCheck } from './precision';
export {
  applyFixes, claimSteps, describeFinding, findClaims,
  type ClaimFinding, type ClaimFix, type SumFinding, type WrongSoftmaxFinding,
} from './claims';
export { notebookText, partAt, readNotebook, type NotebookCell, type NotebookPart } from './notebook';

// The walkthrough's formulas: TeX for KaTeX and the same formula read aloud.
export {
  crossEntropyTex, entropyTex, formulaTex, logSoftmaxFormulaTex, logSoftmaxTex, logSumExpTex, normalizeTex,
  significantDigits, stepTableHeadingsTex, sumTex, type TexOptions,
} from './tex';
export {
  crossEntropyReading, entropyReading, formulaReading, logSoftmaxFormulaReading, logSoftmaxReading, logSumExpReading,
  normalizeReading, stepTableHeadingsReading, sumReading, type ReadingWords,
} from './reading';
export { spokenNumber } from './template';

// Passes done in steps, so an editor view on a million logits yields between them (see steps.ts).
export { runSteps, type Steps } from './steps';
export { breakdownSteps } from './breakdown';
export { softmaxRowsSteps } from './softmax';

// The lab, as one named group: lab.sampling(), lab.compare(), lab.crossEntropyGradient(), lab.attentionWeights(), …
export * as lab from './lab';
