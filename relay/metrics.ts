/**
 * Relay counters, exposed as JSON on /healthz (the gauges) and in the
 * Prometheus text format on /metrics. Plain fields, bumped in place: no
 * allocation on the message path.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  connectionsOpened: number;
  messagesReceived: number;
  bytesReceived: number;
  updatesPersisted: number;
  storageErrors: number;
  protocolErrors: number;
  /** Document updates from read-only (viewer) connections, dropped: neither stored nor relayed. */
  writesRefused: number;
  compactions: number;
  roomsLoaded: number;
  roomsUnloaded: number;
  /** Idle rooms unloaded early to stay within the memory budget (also counted as unloaded). */
  roomsEvicted: number;
  /** Closes sent by the relay, by close code. */
  readonly closesByCode: Map<number, number>;
  /** Latency histograms (Prometheus), served on the admin port. */
  readonly timings: Timings;
}

/**
 * Histograms through prom-client (the Prometheus project's Node client):
 * bucket bookkeeping and the exposition format are its job, not ours. One
 * registry per relay, so several relays in one process (tests) stay apart.
 */
export interface Timings {
  readonly registry: Registry;
  /** From an update reaching its room to its frame sent to every local peer (storage included). */
  readonly fanoutSeconds: Histogram;
  /** One storage call, by operation (`append`, `load`, `compact`). */
  readonly storageSeconds: Histogram<'op'>;
  /** From publishing a frame on Redis to receiving it back: the transport's lag. */
  readonly redisLagSeconds: Histogram;
  /** Updates stored per group-committed transaction (relay/storage/group-commit.ts). */
  readonly groupCommitBatchSize: Histogram;
  /** Stops sampling the event loop's delay (the relay closing). */
  stop(): void;
}

/** Buckets from 0.5 ms to 5 s: fan-out is expected in single milliseconds. */
const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
];

/**
 * The event loop's delay since the previous scrape, p50, p99 and max in
 * seconds: a stalled loop delays every socket of the node at once, which no
 * per-operation histogram shows. Node samples it (perf_hooks, a timer every
 * 10 ms); each scrape reads and restarts the window.
 */
function eventLoopDelayGauge(registry: Registry): () => void {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  new Gauge({
    name: 'relay_event_loop_delay_seconds',
    help: 'event-loop delay since the previous scrape',
    labelNames: ['quantile'],
    registers: [registry],
    collect() {
      const empty = delay.count === 0;
      const seconds = (nanos: number): number => (empty ? 0 : nanos / 1e9);
      this.set({ quantile: '0.5' }, seconds(delay.percentile(50)));
      this.set({ quantile: '0.99' }, seconds(delay.percentile(99)));
      this.set({ quantile: '1' }, seconds(delay.max));
      delay.reset();
    },
  });
  return () => {
    delay.disable();
  };
}

function createTimings(): Timings {
  const registry = new Registry();
  const histogram = <L extends string>(name: string, help: string, labelNames: L[] = []) =>
    new Histogram<L>({ name, help, labelNames, buckets: LATENCY_BUCKETS, registers: [registry] });
  return {
    registry,
    fanoutSeconds: histogram('relay_fanout_seconds', 'update arrival to local broadcast'),
    storageSeconds: histogram('relay_storage_seconds', 'storage call duration', ['op']),
    redisLagSeconds: histogram('relay_redis_lag_seconds', 'publish to receipt over Redis'),
    groupCommitBatchSize: new Histogram({
      name: 'relay_group_commit_batch_size',
      help: 'updates stored per group-committed transaction',
      buckets: BATCH_BUCKETS,
      registers: [registry],
    }),
    stop: eventLoopDelayGauge(registry),
  };
}

/** Powers of two to 1,024: a batch is the updates of one event-loop turn. */
const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

/** Fresh, zeroed counters. */
export function createMetrics(): Metrics {
  return {
    connectionsOpened: 0,
    messagesReceived: 0,
    bytesReceived: 0,
    updatesPersisted: 0,
    storageErrors: 0,
    protocolErrors: 0,
    writesRefused: 0,
    compactions: 0,
    roomsLoaded: 0,
    roomsUnloaded: 0,
    roomsEvicted: 0,
    closesByCode: new Map(),
    timings: createTimings(),
  };
}

/** Counts one close sent by the relay. */
export function countClose(metrics: Metrics, code: number): void {
  metrics.closesByCode.set(code, (metrics.closesByCode.get(code) ?? 0) + 1);
}

/** Point-in-time values that are not counters. */
export interface Gauges {
  readonly rooms: number;
  readonly connections: number;
  readonly uptimeSeconds: number;
  /** Estimated memory of the documents in memory (relay/docs/room-memory.ts). */
  readonly roomsMemoryBytes?: number;
}

const COUNTERS: readonly (keyof Omit<Metrics, 'closesByCode' | 'timings'>)[] = [
  'connectionsOpened',
  'messagesReceived',
  'bytesReceived',
  'updatesPersisted',
  'storageErrors',
  'protocolErrors',
  'writesRefused',
  'compactions',
  'roomsLoaded',
  'roomsUnloaded',
  'roomsEvicted',
];

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Renders counters and gauges in the Prometheus text exposition format (version 0.0.4). */
export function renderPrometheus(metrics: Metrics, gauges: Gauges): string {
  const lines: string[] = [];
  for (const name of COUNTERS) {
    const metric = `relay_${snake(name)}_total`;
    lines.push(`# TYPE ${metric} counter`, `${metric} ${metrics[name]}`);
  }
  lines.push('# TYPE relay_closes_total counter');
  for (const [code, count] of [...metrics.closesByCode].sort((a, b) => a[0] - b[0])) {
    lines.push(`relay_closes_total{code="${code}"} ${count}`);
  }
  lines.push(
    '# TYPE relay_rooms gauge',
    `relay_rooms ${gauges.rooms}`,
    '# TYPE relay_connections gauge',
    `relay_connections ${gauges.connections}`,
    '# TYPE relay_uptime_seconds gauge',
    `relay_uptime_seconds ${gauges.uptimeSeconds}`,
  );
  if (gauges.roomsMemoryBytes !== undefined) {
    lines.push(
      '# TYPE relay_rooms_memory_bytes gauge',
      `relay_rooms_memory_bytes ${gauges.roomsMemoryBytes}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
