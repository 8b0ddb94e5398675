import { describe, expect, it } from 'vitest';
import { FakeWebContents } from './testing/fake-electron.ts';
import { guardUnsyncedUnload, UNSYNCED_QUESTION, type LeaveQuestion } from './unsynced-guard.ts';

describe('guardUnsyncedUnload', () => {
  it('asks when the page refuses to unload, and leaves only if the person says so', () => {
    const contents = new FakeWebContents();
    const asked: LeaveQuestion[] = [];
    let answer = false;
    guardUnsyncedUnload(contents, (question) => {
      asked.push(question);
      return answer;
    });

    const stay = contents.emit('will-prevent-unload');
    expect(stay.defaultPrevented).toBe(false); // the close stays cancelled
    answer = true;
    const leave = contents.emit('will-prevent-unload');
    expect(leave.defaultPrevented).toBe(true); // unload anyway
    expect(asked).toEqual([UNSYNCED_QUESTION, UNSYNCED_QUESTION]);
  });

  it('never asks while nothing refuses to unload', () => {
    const contents = new FakeWebContents();
    let asked = 0;
    guardUnsyncedUnload(contents, () => {
      asked += 1;
      return true;
    });
    contents.emit('did-navigate');
    expect(asked).toBe(0);
  });
});
