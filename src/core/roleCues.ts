// The cues a reader takes an array's meaning from, as tables: names, calls, words and printers. Each entry
// says which role it points to; the classifier (./roles) checks the values each role needs.
import { Ch } from './charCodes';
import { lastSegment, qualifier } from './surroundings';

/** What a name says: one of the roles, or `data` (numbers that are not probabilities, such as a mean). */
export type NameCue = 'logits' | 'probabilities' | 'logProbabilities' | 'shape' | 'data';

/** Whole names that say what they hold on their own, but not as the last word of a longer name (`top_p`). */
const WHOLE_NAMES = new Map<string, NameCue>([
  ['p', 'probabilities'], ['q', 'probabilities'], ['y_hat', 'probabilities'], ['yhat', 'probabilities'],
  ['logp', 'logProbabilities'], ['log_p', 'logProbabilities'], ['lp', 'logProbabilities'],
]);

/** Names by their last word: `pred_probs` → probs, `kernel_sizes` → sizes, `rgb_mean` → mean. */
const HEAD_WORDS = new Map<string, NameCue>();
for (const w of ['logits', 'logit', 'scores', 'score', 'energies', 'energy', 'activations', 'preactivations']) HEAD_WORDS.set(w, 'logits');
for (const w of ['probs', 'prob', 'probabilities', 'probability', 'proba', 'probas', 'softmax', 'pmf', 'posterior', 'posteriors', 'distribution']) {
  HEAD_WORDS.set(w, 'probabilities');
}
for (const w of ['logprobs', 'logprob', 'lprobs', 'logsoftmax', 'logpmf']) HEAD_WORDS.set(w, 'logProbabilities');
for (const w of [
  'shape', 'shapes', 'size', 'sizes', 'dim', 'dims', 'dimension', 'dimensions', 'stride', 'strides', 'axis', 'axes',
  'perm', 'permutation', 'idx', 'ix', 'index', 'indices', 'ids', 'id', 'len', 'lens', 'length', 'lengths', 'offset',
  'offsets', 'channels', 'layers', 'figsize', 'padding', 'dilation', 'repeats', 'reps', 'labels', 'label', 'targets',
  'target', 'classes', 'milestones', 'epochs',
]) {
  HEAD_WORDS.set(w, 'shape');
}
for (const w of ['mean', 'means', 'mu', 'std', 'stds', 'stddev', 'sigma', 'sigmas', 'var', 'variance', 'bias', 'biases']) HEAD_WORDS.set(w, 'data');

const nameCache = new Map<string, NameCue | undefined>();

/** What a name says about the array bound to it; `log_probs` and `log_softmax` are log-probabilities. */
export function nameCue(name: string): NameCue | undefined {
  let cue = nameCache.get(name);
  if (cue !== undefined || nameCache.has(name)) return cue;
  const base = lastSegment(name);
  cue = base.length <= 5 ? WHOLE_NAMES.get(base.toLowerCase()) : undefined;
  if (cue === undefined) {
    const head = lastWord(base);
    cue = HEAD_WORDS.get(head);
    if (cue === 'probabilities' && /(?:^|[^a-z])log(?:[^a-z]|$)|(?:^|_)log(?=[A-Z_])/i.test(base.slice(0, base.length - head.length))) cue = 'logProbabilities';
  }
  // Documents repeat the same few names; the cache stays small because names are short and few.
  if (nameCache.size < 4096) nameCache.set(name, cue);
  return cue;
}

/** The last word of a name, lower-cased: `pred_probs` → probs, `kernelSizes2` → sizes, `X_prob` → prob. */
function lastWord(name: string): string {
  let end = name.length;
  while (end > 0 && !isLetter(name.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isLetter(name.charCodeAt(start - 1))) {
    // camelCase: a capital starts the word, unless the word is all capitals (`LOGITS`).
    const upper = isUpper(name.charCodeAt(start - 1));
    start--;
    if (upper && start < end - 1 && !isUpper(name.charCodeAt(start + 1))) break;
  }
  return name.slice(start, end).toLowerCase();
}

function isLetter(c: number): boolean {
  return (c >= Ch.LowerA && c <= Ch.LowerZ) || (c >= Ch.UpperA && c <= Ch.UpperZ);
}

function isUpper(c: number): boolean {
  return c >= Ch.UpperA && c <= Ch.UpperZ;
}

/** Which arguments of a call hold sizes, ranges or indices: `second` is the one right after the data. */
type Position = 'first' | 'second' | 'any' | 'afterData';

export interface CallCue {
  role: 'logits' | 'shape';
  /** For a shape: what the call takes (sizes, a range to plot, indices). */
  takes?: 'sizes' | 'range' | 'indices';
  position: Position;
}

const CALLS = new Map<string, CallCue>();
const cue = (role: CallCue['role'], position: Position, takes?: CallCue['takes']): CallCue => ({ role, position, takes });
// Constructors whose first argument is a shape: torch.Size([2, 3]), np.zeros([2, 3]), torch::randn({3, 4}).
for (const f of [
  'Size', 'TensorShape', 'zeros', 'ones', 'empty', 'full', 'rand', 'randn', 'new_zeros', 'new_ones', 'new_full',
  'new_empty', 'ids_tensor', 'floats_tensor', 'random_tensor', 'nnsetup', 'MLP',
]) {
  CALLS.set(f, cue('shape', 'first', 'sizes'));
}
// Reshaping: a method takes sizes in every argument (x.view(2, 3)), a function after the data (np.reshape(a, [2, 3])).
for (const f of [
  'view', 'reshape', 'permute', 'transpose', 'expand', 'repeat', 'tile', 'broadcast_to', 'resize', 'unflatten',
  'movedim', 'flip', 'roll', 'squeeze', 'unsqueeze', 'set_dim', 'set_stride', 'set_shape', 'randint',
]) {
  CALLS.set(f, cue('shape', f === 'view' || f.startsWith('set_') || f === 'randint' ? 'any' : 'afterData', 'sizes'));
}
for (const f of ['xlim', 'ylim', 'zlim', 'set_xlim', 'set_ylim', 'set_zlim', 'axis']) CALLS.set(f, cue('shape', 'any', 'range'));
// Indices after the data: np.take(a, [0, 2]), np.put(a, [0, 2], values), np.split(x, [3, 5]).
for (const f of ['take', 'take_along_axis', 'put', 'split', 'array_split', 'delete', 'insert']) CALLS.set(f, cue('shape', 'second', 'indices'));
for (const f of ['index_select', 'gather', 'einsum', 'slice']) CALLS.set(f, cue('shape', 'afterData', 'indices'));
for (const f of ['choose', 'ix_', 'unravel_index', 'ravel_multi_index']) CALLS.set(f, cue('shape', 'any', 'indices'));
// What softmax is taken of: its first argument is logits, whatever its numbers look like.
for (const f of ['logsumexp', 'log_sum_exp', 'cross_entropy', 'softmax_cross_entropy_with_logits']) CALLS.set(f, cue('logits', 'first'));

/** Modules whose functions take the data first: `np.reshape(a, shape)`, unlike the method `a.reshape(shape)`. */
const MODULES = new Set(['', 'np', 'numpy', 'torch', 'jnp', 'jax', 'tf', 'F', 'nn', 'scipy', 'mx', 'nd', 'd2l', 'paddle', 'cp', 'keras', 'K', 'ops']);

/** What being argument `argument` of the call `callee` says about an array, or undefined when nothing. */
export function callCue(callee: string, argument: number): CallCue | undefined {
  // R's torch spells its functions torch_randn, torch_zeros.
  const name = lastSegment(callee).replace(/^torch_/, '');
  const found = isSoftmax(name) ? cue('logits', 'first') : CALLS.get(name);
  if (found === undefined) return undefined;
  if (found.position === 'first' && argument !== 0) return undefined;
  if (found.position === 'second' && argument !== (MODULES.has(qualifier(callee)) ? 1 : 0)) return undefined;
  if (found.position === 'afterData' && argument === 0 && MODULES.has(qualifier(callee))) return undefined;
  return found;
}

/** softmax, log_softmax, LogSoftmax, masked_softmax, gumbel_softmax: a softmax of some kind. */
function isSoftmax(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('softmax') || lower.endsWith('softmax_');
}

/** Calls whose output lists indices into an array, besides argsort, argmax… and tril_indices, diag_indices_from…. */
const INDEX_PRODUCERS = new Set(['nonzero', 'flatnonzero', 'searchsorted', 'digitize', 'unravel_index']);

function producesIndices(name: string): boolean {
  return INDEX_PRODUCERS.has(name) || /^arg[a-z]/.test(name) || /indices(?:_from)?$/.test(name);
}

/** Tensor types that hold whole numbers for indexing: class labels, token ids, masks. */
const INDEX_TENSORS = new Set(['LongTensor', 'IntTensor', 'ByteTensor', 'BoolTensor']);

/** True when the constructor makes a tensor of indices: `torch.LongTensor([0, 2])`. */
export function indexConstructor(constructor: string): boolean {
  return INDEX_TENSORS.has(lastSegment(constructor));
}

/** Calls whose output is a shape: what `assert_eq!(t.dims(), &[2, 3])` compares the array with. */
const SHAPE_PRODUCERS = new Set(['dims', 'shape', 'size', 'sizes', 'stride', 'strides', 'get_shape']);

/** What printing the output of `call` makes of an array, or undefined when the call says nothing. */
export function producerCue(call: string): 'probabilities' | 'logProbabilities' | 'shape' | undefined {
  const name = lastSegment(call);
  if (isSoftmax(name)) return name.toLowerCase().includes('log') ? 'logProbabilities' : 'probabilities';
  // predict_proba, get_probs: models that print probabilities.
  if (/(^|_)(proba|probs?|probabilities)(_|$)/i.test(name)) return 'probabilities';
  return producesIndices(name) || SHAPE_PRODUCERS.has(name) ? 'shape' : undefined;
}

/** What a torch print's `grad_fn=<…>` says: the backward of softmax or log-softmax. */
export function gradFnCue(gradFn: string): 'probabilities' | 'logProbabilities' | undefined {
  const lower = gradFn.toLowerCase();
  if (!lower.includes('softmax')) return undefined;
  return lower.includes('logsoftmax') ? 'logProbabilities' : 'probabilities';
}

/** Words after which an array is a range or a set of values: `x \in [0, 1]`, `rank in [-1, 0]`, "the interval [a, b]". */
const RANGE_WORDS = new Set(['in', '\\in', '∈', 'within', 'range', 'interval', 'between', 'over', 'into']);
/** The same in Chinese prose, which has no spaces between words: 位于 [0, 1], 区间 [a, b]. */
const RANGE_WORDS_ZH = ['区间', '范围', '范围为', '范围是', '值域为', '值域是', '位于', '属于', '介于', '在', '取值于'];

/** Little words between a range word and its array: "an interval of [0, 1]", "in the [-1, 1] range". */
const FILLERS = new Set(['the', 'of', 'a', 'an']);

/** The range word the array follows, or undefined. */
export function rangeWord(words: readonly string[], prefix: string): string | undefined {
  if (prefix === '') return undefined;
  let at = words.length - 1;
  while (at > 0 && FILLERS.has(words[at])) at--;
  const last = words[at];
  if (last !== undefined && RANGE_WORDS.has(last)) return last;
  if (last !== undefined && last.endsWith('∈')) return '∈';
  return RANGE_WORDS_ZH.find((w) => prefix.endsWith(w));
}

/** Words a training log writes right after its counters: `[2, 12000] loss: 1.261`. */
const LOG_WORDS = new Set(['loss', 'acc', 'accuracy', 'lr', 'time', 'step', 'epoch', 'iter', 'iteration', 'train', 'val', 'valid', 'test', 'batch', 'perplexity', 'ppl']);

/** The log word that follows the array on its line (`loss` in `[2, 12000] loss: 1.261`), or undefined. */
export function logWord(rest: string): string | undefined {
  const m = /^[,;|]?\s*([A-Za-z_]+)/.exec(rest);
  if (m === null) return undefined;
  const word = m[1].toLowerCase();
  const head = word.split('_')[0];
  if (!LOG_WORDS.has(word) && !LOG_WORDS.has(head)) return undefined;
  return /^\s*[:=]/.test(rest.slice(m.index + m[0].length)) ? m[1] : undefined;
}

/** What may follow a membership test or a loop's list in code: `x in [-1, 0]:`, `if r in [1, 2] and …`. */
export function endsCondition(rest: string): boolean {
  return /^(?:$|[:)\],]|\s*(?:and|or|if|then|else)\b)/.test(rest.trimStart()) || rest.trim() === '';
}
