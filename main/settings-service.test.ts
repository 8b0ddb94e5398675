import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsService } from './settings-service.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const policy = {
  enforced: { telemetry: false, relayUrl: 'wss://relay.example.com' },
  defaults: { startAtLogin: true },
};

describe('settings service', () => {
  it('shows enforced settings as locked and keeps the person’s choices across restarts', async () => {
    const file = path.join(dir, 'settings.json');
    const views: unknown[] = [];
    const first = createSettingsService({
      policy,
      environment: {},
      file,
      onChange: (v) => views.push(v),
    });
    expect(first.view()).toMatchObject({
      values: { startAtLogin: true, telemetry: false },
      enforced: ['relayUrl', 'telemetry'],
    });
    first.set({ key: 'startAtLogin', value: false });
    expect(views).toHaveLength(1);
    const second = createSettingsService({ policy, environment: {}, file });
    expect(second.view().values.startAtLogin).toBe(false);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ startAtLogin: false });
  });

  it('refuses to change an enforced setting and saves nothing', async () => {
    const file = path.join(dir, 'settings.json');
    const service = createSettingsService({ policy, environment: {}, file });
    expect(() => service.set({ key: 'telemetry', value: true })).toThrow(
      'set by your organisation',
    );
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(service.view().values.telemetry).toBe(false);
  });

  it('drops anything but the person’s settings from a tampered file', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ relayUrl: 'wss://evil.example', notifications: 'off' }));
    const service = createSettingsService({
      policy: { enforced: {}, defaults: {} },
      environment: {},
      file,
    });
    expect(service.view().values).toMatchObject({
      relayUrl: 'ws://127.0.0.1:4444',
      notifications: 'mentions',
    });
  });
});
