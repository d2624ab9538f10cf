/** Pure layout of the agenda's lists and columns (no i18n, no DOM): unit tested. */

/** Free slots grouped by their Rome day, in the order the server sorted them. */
export function slotsByDay<S extends { date: string }>(slots: S[]): Array<{ date: string; slots: S[] }> {
  const groups: Array<{ date: string; slots: S[] }> = [];
  for (const slot of slots) {
    const last = groups[groups.length - 1];
    if (last?.date === slot.date) last.slots.push(slot);
    else groups.push({ date: slot.date, slots: [slot] });
  }
  return groups;
}

/**
 * Side-by-side lanes for meetings that overlap in one day column (several consultants at 10:00):
 * each meeting takes the first lane free at its start; `lanes` is the width of its cluster.
 */
export function layOutDay<T extends { startMinute: number; endMinute: number }>(items: T[]): Array<T & { lane: number; lanes: number }> {
  const sorted = [...items].sort((a, b) => a.startMinute - b.startMinute || b.endMinute - a.endMinute);
  const placed: Array<T & { lane: number; lanes: number }> = [];
  let cluster: Array<T & { lane: number; lanes: number }> = [];
  let clusterEnd = -1;
  const closeCluster = () => {
    const lanes = Math.max(1, ...cluster.map((c) => c.lane + 1));
    for (const c of cluster) c.lanes = lanes;
    cluster = [];
  };
  for (const item of sorted) {
    if (item.startMinute >= clusterEnd) closeCluster();
    const busy = new Set(cluster.filter((c) => c.endMinute > item.startMinute).map((c) => c.lane));
    let lane = 0;
    while (busy.has(lane)) lane++;
    const entry = { ...item, lane, lanes: 1 };
    cluster.push(entry);
    placed.push(entry);
    clusterEnd = Math.max(clusterEnd, item.endMinute);
  }
  closeCluster();
  return placed;
}

/**
 * The workshops a calendar view shows beside the meetings: the office's all; filtered by a
 * consultant, those the consultant facilitates; by a room, those held in it. A cancelled session
 * only when the cancelled meetings are shown too.
 */
export function workshopsShown<W extends { status: string; room: { id: string } | null; facilitators: ReadonlyArray<{ id: string }> }>(
  workshops: W[],
  filter: { consultantId?: string; roomId?: string; includeCancelled: boolean },
): W[] {
  return workshops.filter(
    (w) =>
      (filter.includeCancelled || w.status !== 'cancelled') &&
      (!filter.consultantId || w.facilitators.some((f) => f.id === filter.consultantId)) &&
      (!filter.roomId || w.room?.id === filter.roomId),
  );
}
