// A list the staff window asks the shell for again every few seconds while a component shows it
// (its centre's kiosk calls, its district's call-backs): offline, the last list stays and the
// problem is said only once there is something to say it about; a change (我过去, 已回电话) answers
// with the new list, and when refused the list is asked again and she is told why.

import { onDestroy } from 'svelte';
import { plainMessage } from './ipc';

/** The list as shown, and the problem to say above it. */
export interface PolledList<T> {
  items: T[];
  problem: string | null;
  /** Runs a change that answers with the new list. */
  change: (run: () => Promise<T[]>) => Promise<void>;
}

/** Asks `ask` now and every `everyMs` until the calling component goes. */
export function polledList<T>(ask: () => Promise<T[]>, everyMs: number): PolledList<T> {
  const list: PolledList<T> = $state({ items: [], problem: null, change });

  async function load() {
    try {
      list.items = await ask();
      list.problem = null;
    } catch (caught) {
      // Offline: the list shows again once the platform answers.
      if (list.items.length > 0) list.problem = plainMessage(caught);
    }
  }

  async function change(run: () => Promise<T[]>) {
    try {
      list.items = await run();
      list.problem = null;
    } catch (caught) {
      // Someone else may have been first: the list is asked again, and she is told why.
      const said = plainMessage(caught);
      await load();
      list.problem = said;
    }
  }

  load();
  const polling = setInterval(load, everyMs);
  onDestroy(() => clearInterval(polling));
  return list;
}
