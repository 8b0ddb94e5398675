import { act, cleanup, renderHook } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoteTarget } from '../../shared/host.ts';
import { useNoteRequests } from './index.ts';

afterEach(cleanup);

const plan = { spaceId: 'team', docId: 'plan' };
const notes = { spaceId: 'team', docId: 'notes' };

/** A stand-in for main's pending note and its `app:open-note` event, as the desktop host passes them on. */
function fakeHost(initial: NoteTarget | null) {
  let pending = initial;
  const listeners = new Set<(target: NoteTarget) => void>();
  let takes = 0;
  return {
    get takes() {
      return takes;
    },
    get pending() {
      return pending;
    },
    /** Main: a deep link arrives (kept, and sent to whoever listens). */
    arrive(target: NoteTarget) {
      pending = target;
      for (const listener of [...listeners]) listener(target);
    },
    listenerCount: () => listeners.size,
    onOpenNote(listener: (target: NoteTarget) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    takePendingNote() {
      takes += 1;
      const target = pending;
      pending = null;
      return Promise.resolve(target);
    },
  };
}

const strict = ({ children }: { children: ReactNode }) => <StrictMode>{children}</StrictMode>;

describe('useNoteRequests', () => {
  it('launched with a deep link, signed in later: the workspace opens the note once (StrictMode)', async () => {
    const host = fakeHost(null);
    // Signed out: no workspace yet, the link arrives and nobody listens.
    host.arrive(plan);
    const open = vi.fn<(target: NoteTarget) => void>();
    // Signed in: the workspace mounts (StrictMode mounts, unmounts, mounts).
    renderHook(
      () => {
        useNoteRequests(host, open);
      },
      { wrapper: strict },
    );
    await vi.waitFor(() => {
      expect(open).toHaveBeenCalledWith(plan);
    });
    expect(open).toHaveBeenCalledTimes(1);
    expect(host.pending).toBeNull();
  });

  it('opens nothing when nothing is pending, and follows events while mounted', async () => {
    const host = fakeHost(null);
    const open = vi.fn<(target: NoteTarget) => void>();
    const view = renderHook(() => {
      useNoteRequests(host, open);
    });
    await vi.waitFor(() => {
      expect(host.takes).toBe(1);
    });
    expect(open).not.toHaveBeenCalled();
    act(() => {
      host.arrive(notes);
    });
    expect(open).toHaveBeenCalledWith(notes);
    // Handled, so main's copy is cleared: the next workspace does not open it again.
    await vi.waitFor(() => {
      expect(host.pending).toBeNull();
    });
    view.unmount();
    expect(host.listenerCount()).toBe(0);
  });

  it('survives a host whose take fails (an older preload): nothing opens, nothing throws', async () => {
    const host = {
      ...fakeHost(null),
      onOpenNote: () => () => undefined,
      takePendingNote: () => Promise.reject(new Error('No handler registered')),
    };
    const open = vi.fn<(target: NoteTarget) => void>();
    renderHook(() => {
      useNoteRequests(host, open);
    });
    await act(() => Promise.resolve());
    expect(open).not.toHaveBeenCalled();
  });
});
