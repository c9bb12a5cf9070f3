// The resident at the counter as the staff window knows it: the ID number typed on the first page
// (kept for the name page), her signature drawn on the pad (kept for the manager's page, until the
// session opens), and the session core holds (asked again after each change). 结束办理 forgets
// them all.

import { assistedCurrent, assistedEnd } from './ipc';
import type { AssistedView } from './types';

/** What the window holds of the resident at the counter. */
export const counter = $state({ idNumber: '', signature: '', view: null as AssistedView | null });

/** Asks the shell for the session at the counter. */
export async function loadAssisted(): Promise<void> {
  try {
    counter.view = await assistedCurrent();
  } catch {
    // Locked or logged out: nothing of hers shows.
    counter.view = null;
  }
}

/** Forgets everything of the resident at the counter that the window holds. */
export function forgetResident(): void {
  counter.idNumber = '';
  counter.signature = '';
  counter.view = null;
}

/** A new session waits for a resident's consent: nothing drawn for anyone before stays. */
export function waitingFor(view: AssistedView): void {
  counter.signature = '';
  counter.view = view;
}

/** 结束办理: ends the session and forgets everything of hers in the window. */
export async function endAssisted(): Promise<void> {
  try {
    await assistedEnd();
  } finally {
    forgetResident();
  }
}
