/** Runs `task` once, later; returns the function that cancels it. */
export type Scheduler = (task: () => void) => () => void;

/**
 * When the browser is idle, at most `timeoutMs` later: edits are indexed in
 * batches between keystrokes, never on each one. Falls
 * back to a timer where `requestIdleCallback` does not exist (Safari, tests).
 */
export function idleScheduler(timeoutMs = 500): Scheduler {
  return (task) => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(task, { timeout: timeoutMs });
      return () => {
        cancelIdleCallback(id);
      };
    }
    const id = setTimeout(task, Math.min(timeoutMs, 150));
    return () => {
      clearTimeout(id);
    };
  };
}
