/** The part of Electron's `app` the single-instance lock uses. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
}

/**
 * Takes the single-instance lock. The first instance keeps running and hears
 * every later launch (its argv carries a deep link on Windows and Linux);
 * a later instance quits at once and returns false.
 */
export function claimSingleInstance(
  app: SingleInstanceApp,
  onSecondInstance: (argv: readonly string[]) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => {
    onSecondInstance(argv);
  });
  return true;
}
