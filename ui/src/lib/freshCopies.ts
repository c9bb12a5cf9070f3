// A page of copies kept on this computer (进度, 诉求, 证照): shown at once, then fetched afresh from
// the platform when someone is logged in, and shown again.

import { acting, loadActing } from './actingState.svelte';
import { copiesRefresh, plainMessage } from './ipc';
import { session } from './sessionState.svelte';

/** What a page does while its copies are fetched afresh. */
export interface Refreshing {
  /** Told when fetching starts (true) and ends (false). */
  busy?: (on: boolean) => void;
  /** Told why fetching failed, in plain words; the kept copies stay shown (`kept`), unless he
   * acted for a relative whose grant ended: then he is back to himself and his own are shown. */
  failed?: (reason: string, kept: boolean) => void;
}

/** Fetches fresh copies from the platform, then `load`s them; a failure keeps the kept copies. */
export async function refreshThenLoad(load: () => Promise<void>, on: Refreshing = {}): Promise<void> {
  on.busy?.(true);
  try {
    await copiesRefresh();
  } catch (caught) {
    const actedFor = acting.switch?.acting_words ?? null;
    // A relative whose grant ended is back to himself: the switch at the top says so.
    await loadActing();
    const backToHimself = actedFor !== null && (acting.switch?.acting_words ?? null) === null;
    on.failed?.(plainMessage(caught), !backToHimself);
  } finally {
    on.busy?.(false);
  }
  await load();
}

/** Shows the kept copies at once (`load`), then fetches them afresh when someone is logged in. */
export async function loadThenRefresh(load: () => Promise<void>, on: Refreshing = {}): Promise<void> {
  await load();
  if (session.loggedIn) await refreshThenLoad(load, on);
}
