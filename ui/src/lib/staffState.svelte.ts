// The clerk's login as the staff window knows it: asked of the shell when the window opens, now and
// then while it is open (so the lock and the day's end show without a click), and after each change.
// Her input reaches the shell at most every INPUT_EVERY_MS, enough for a five-minute lock.

import { staffInput, staffStatus } from './ipc';
import type { StaffStatus } from './types';

/** How often the window asks where the clerk stands. */
export const STATUS_EVERY_MS = 10_000;
/** The shortest gap between two reports of her input. */
export const INPUT_EVERY_MS = 30_000;

/** Where the clerk stands; `known` once the shell has answered. */
export const staff = $state({
  known: false,
  status: {
    logged_in: false,
    clerk_name: null,
    centre: null,
    locked: false,
    pin_usable: false,
    ends_at_words: null,
    day_over: false,
    card_reader: false,
  } as StaffStatus,
});

/** Shows `status` (what a staff command answered). */
export function showStaff(status: StaffStatus): void {
  staff.status = status;
  staff.known = true;
}

/** Asks the shell where the clerk stands. */
export async function loadStaff(): Promise<void> {
  try {
    showStaff(await staffStatus());
  } catch {
    // The next ask tries again; meanwhile the window shows what it knew.
  }
}

let lastInput = 0;

/** She touched the screen: tells the shell, unless it was told less than INPUT_EVERY_MS ago. */
export function inputSeen(now = Date.now()): void {
  if (!staff.status.logged_in || staff.status.locked || now - lastInput < INPUT_EVERY_MS) return;
  lastInput = now;
  staffInput().catch(() => {});
}
