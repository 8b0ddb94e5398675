import { describe, expect, it } from 'vitest';
import { countClose, createMetrics, renderPrometheus } from './metrics.ts';

describe('metrics', () => {
  it('renders counters, closes by code and gauges', () => {
    const metrics = createMetrics();
    metrics.updatesPersisted = 5;
    countClose(metrics, 4400);
    countClose(metrics, 4400);
    countClose(metrics, 1001);
    const text = renderPrometheus(metrics, { rooms: 1, connections: 2, uptimeSeconds: 3 });
    expect(text).toContain('relay_updates_persisted_total 5\n');
    expect(text).toContain('relay_closes_total{code="4400"} 2\n');
    expect(text.indexOf('code="1001"')).toBeLessThan(text.indexOf('code="4400"'));
    expect(text).toContain('relay_connections 2\n');
  });
});
