// A hand-written FAKE of Electron's `Notification` class (the Electron binary
// cannot be downloaded here). It implements the narrow NotificationClassLike
// interface that main/index.ts type-checks the real class against, records
// every notification made, and lets a test click one as the OS would.
import type { NotificationConstructorOptions } from 'electron';
import type { NotificationLike } from '../notifications.ts';

export class FakeNotification implements NotificationLike {
  static supported = true;
  static readonly instances: FakeNotification[] = [];
  readonly options: NotificationConstructorOptions;
  shown = false;
  private readonly listeners = new Map<string, (() => void)[]>();

  static isSupported(): boolean {
    return FakeNotification.supported;
  }

  static reset(): void {
    FakeNotification.supported = true;
    FakeNotification.instances.length = 0;
  }

  constructor(options: NotificationConstructorOptions) {
    this.options = options;
    FakeNotification.instances.push(this);
  }

  on(event: 'click' | 'close', listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  show(): void {
    this.shown = true;
  }

  /** What the OS does when the person clicks the notification. */
  click(): void {
    for (const listener of this.listeners.get('click') ?? []) listener();
  }
}
