// The contract between bench/run.ts and each benchmark module. Later issues
// add modules and register them in bench/run.ts.

export interface BenchContext {
  /** Project root (absolute). */
  root: string;
  /** A short smoke run: fewer updates, same shape. */
  quick: boolean;
  /** Path of the automerge-paper trace (it may be absent). */
  tracePath: string;
  /** Progress line on stderr; results go to bench/results.md. */
  log: (message: string) => void;
}

export interface BenchModule {
  /** Selector for --only, e.g. "relay-fanout". */
  name: string;
  /** Section heading in results.md. */
  title: string;
  /** Runs the benchmark and returns its section body as Markdown. */
  run: (context: BenchContext) => Promise<string>;
}
