/** From this many logits on, softmax and the breakdown run on the WebAssembly SIMD kernel where the host allows it (bench/softmaxSimd.ts). */
export const SIMD_FROM = 128;
