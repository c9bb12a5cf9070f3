// A timeline from core (进度 of a case or a 诉求) as the StatusTimeline component draws it.

import type { TimelineStep } from './types';

/** Core's steps in the component's shape: absent times and remarks left out. */
export function timelineSteps(timeline: TimelineStep[]) {
  return timeline.map((step) => ({
    name: step.name,
    state: step.state,
    time: step.time ?? undefined,
    remark: step.remark ?? undefined,
    overdueDays: step.overdue_days,
  }));
}
