import { describe, expect, it } from 'vitest';
import { HttpError } from './json.ts';
import { UploadSlots } from './upload-slots.ts';

function refusal(run: () => unknown): HttpError {
  try {
    run();
  } catch (err) {
    if (err instanceof HttpError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('UploadSlots', () => {
  it('refuses a person past their share with 429 naming the limit, while others still get slots', () => {
    const slots = new UploadSlots(4, 2);
    slots.acquire('ada');
    const second = slots.acquire('ada');
    const refused = refusal(() => slots.acquire('ada'));
    expect(refused.status).toBe(429);
    expect(refused.details?.limit).toBe('maxConcurrentUploadsPerPerson');
    expect(refused.headers['retry-after']).toBe('1');
    slots.acquire('grace');
    second();
    second();
    expect(slots.inUse).toBe(2);
    slots.acquire('ada');
    expect(slots.inUse).toBe(3);
  });

  it('refuses anyone with 503 once every relay-wide slot is taken', () => {
    const slots = new UploadSlots(2, 2);
    slots.acquire('ada');
    slots.acquire('grace');
    expect(refusal(() => slots.acquire('alan')).status).toBe(503);
  });
});
