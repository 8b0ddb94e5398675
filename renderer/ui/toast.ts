/** Short messages that confirm or warn without interrupting: one queue for the whole app. */
export type ToastTone = 'info' | 'success' | 'danger';

export interface Toast {
  readonly id: number;
  readonly message: string;
  readonly tone: ToastTone;
}

type Listener = () => void;

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<Listener>();

function emit(): void {
  for (const listener of listeners) listener();
}

/** Shows a message; it goes away when dismissed or after `ms` (0 keeps it). */
export function showToast(message: string, tone: ToastTone = 'info', ms = 5000): number {
  const id = nextId++;
  toasts = [...toasts, { id, message, tone }];
  emit();
  if (ms > 0) {
    setTimeout(() => {
      dismissToast(id);
    }, ms);
  }
  return id;
}

export function dismissToast(id: number): void {
  if (!toasts.some((toast) => toast.id === id)) return;
  toasts = toasts.filter((toast) => toast.id !== id);
  emit();
}

export function subscribeToasts(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function currentToasts(): readonly Toast[] {
  return toasts;
}
