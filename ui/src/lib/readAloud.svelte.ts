// Reading aloud for the whole UI: what is being read, what went wrong, and the speaker used (the
// shell's voice; tests put a recording one in its place).

import { plainMessage } from './ipc';
import { t } from './i18n';
import { shellSpeaker, type Speaker } from './speaker';

/** Whether something is being read, and the plain-words problem when reading failed. */
export const reading = $state({ active: false, problem: null as string | null });

let speaker: Speaker = shellSpeaker;

/** Uses `next` to read from now on (tests pass a recording speaker). */
export function useSpeaker(next: Speaker): void {
  speaker = next;
}

/** Reads `text` aloud; a failure is kept in `reading.problem` for the page to show. */
export async function readAloud(text: string): Promise<void> {
  reading.problem = null;
  try {
    await speaker.speak(text);
    reading.active = true;
  } catch (error) {
    reading.active = false;
    reading.problem = plainMessage(error, t('speech-failed'));
  }
}

/** Stops reading, if anything is being read. */
export async function stopReading(): Promise<void> {
  if (!reading.active) return;
  reading.active = false;
  try {
    await speaker.stop();
  } catch {
    // Nothing more to do: the next reading cuts it off anyway.
  }
}

/** Any action of the person stops the reading, except pressing 朗读 itself. */
export function personActed(event: Event): void {
  if (event.target instanceof Element && event.target.closest('[data-read-aloud]')) return;
  stopReading();
}
