// "On screen" in the page: the frame after a change has been painted. A
// requestAnimationFrame callback runs just before the frame's style, layout
// and paint; a task posted from it runs after them (the usual approximation
// of next-paint, which the Event Timing API rounds to 8 ms).

/** Resolves with performance.now() once the next frame has been painted. */
export function nextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now());
      };
      channel.port2.postMessage(null);
    });
  });
}

interface ChromeMemory {
  memory?: { usedJSHeapSize: number };
}
interface GcGlobal {
  gc?: () => void;
}

/**
 * JS heap in use after a full GC (Chromium with --expose-gc and
 * --enable-precise-memory-info), or NaN where either is missing.
 */
export function heapAfterGc(): number {
  const { gc } = globalThis as GcGlobal;
  const { memory } = performance as ChromeMemory;
  if (!gc || !memory) return Number.NaN;
  gc();
  return memory.usedJSHeapSize;
}
