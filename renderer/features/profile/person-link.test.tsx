import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PersonLink, setProfileOpener } from './index.ts';

describe('PersonLink', () => {
  afterEach(() => {
    setProfileOpener(null);
  });

  it('is plain text where profiles cannot open, and a button that opens one where they can', () => {
    render(<PersonLink personId="emp-1002" name="Grace Hopper" />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('Grace Hopper')).toBeTruthy();
    const opened = vi.fn();
    act(() => {
      setProfileOpener(opened);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Open the profile of Grace Hopper' }));
    expect(opened).toHaveBeenCalledWith('emp-1002');
  });
});
