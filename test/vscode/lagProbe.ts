/**
 * The extension host's event loop, sampled every `periodMs`: the longest gap beyond the period is the longest
 * task that blocked it (a provider scanning a document blocks every other extension in the host too).
 * Shared by the huge-document suite and bench:vscode; it imports nothing, so it runs in the web-worker host too.
 */
export function lagProbe(periodMs = 5): { stop(): { maxMs: number; over50: number } } {
  let last = performance.now();
  let maxMs = 0;
  let over50 = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const lag = now - last - periodMs;
    if (lag > maxMs) maxMs = lag;
    if (lag > 50) over50++;
    last = now;
  }, periodMs);
  return {
    stop() {
      clearInterval(timer);
      return { maxMs: Math.max(0, maxMs), over50 };
    },
  };
}
