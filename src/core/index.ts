// The public face of the core: pure TypeScript shared by the extension hosts, the webview and the tests.
export * from './softmax';
export { describeError } from './softmaxInput';
export { errorTemplates, type ErrorCode, type Translate } from './messages';
export * from './stats';
export * from './breakdown';
export * from './format';
export * from './findArrays';
export * from './tex';
export * from './reading';
export * from './precision';
export * from './roles';
export * from './distribution';
// The lab, as one named group: lab.sampling(), lab.compare(), lab.crossEntropyGradient(), lab.attentionWeights(), …
export * as lab from './lab';
export * from './arrayWindow';
export * from './claims';
export * from './notebook';
export * from './fileLanguages';
