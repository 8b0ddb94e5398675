/**
 * How much memory a room in memory is taken to use, for the registry's
 * memory budget. Estimated from the document's encoded size rather than
 * measured from the process's resident memory, so that the budget is
 * deterministic and testable, and one room's share can be told apart from
 * everything else the process holds.
 *
 * A Y.Doc in memory is several times its encoded size (each item is a JS
 * object with its id, origins, parent and content; Yjs's encoding is
 * compact), and each room carries fixed costs besides (the Y.Doc and its
 * awareness, listeners, the write queue, the fan-out's peer set). The
 * factors below are deliberately generous round figures, not measurements
 * of one workload: the budget is an operator's dial, and an estimate that
 * errs high unloads idle rooms a little early rather than running out.
 */

/** Fixed cost of one room in memory, in bytes, whatever its content. */
export const ROOM_OVERHEAD_BYTES = 16 * 1024;

/** Bytes of memory per byte of the document's encoded state. */
export const ROOM_BYTES_PER_ENCODED_BYTE = 8;

/**
 * The estimated memory of a room whose encoded state is at most
 * `encodedBytes` long (the room's running upper bound, `Room.sizeEstimate`).
 */
export function roomMemoryEstimate(encodedBytes: number): number {
  return ROOM_OVERHEAD_BYTES + ROOM_BYTES_PER_ENCODED_BYTE * Math.max(0, encodedBytes);
}
