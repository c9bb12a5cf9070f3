// Saving answers as they are typed: each question's latest value goes to the shell shortly after the
// person pauses, and never later than `maxWaitMs` after the first unsaved change, even while typing.

/** How a draft saver saves one answer. */
export type SaveAnswer = (questionId: string, value: unknown) => Promise<unknown>;

/** A saver of one draft's answers. */
export interface DraftSaver {
  /** Records an answer; it is saved within `maxWaitMs`. */
  answer(questionId: string, value: unknown): void;
  /** Saves everything not yet saved, now (before leaving the page or submitting). */
  flush(): Promise<void>;
  /** Drops what is not saved yet (the caller sends those answers itself) and waits for the saves
   *  already under way, so that none of them lands after the caller's. */
  settle(): Promise<void>;
  /** Whether answers are waiting to be saved. */
  readonly pending: boolean;
}

/** Timing of a draft saver. */
export interface SaverTiming {
  /** Quiet time after the last change before saving. */
  pauseMs: number;
  /** Longest time an answer may wait, however long the typing goes on. */
  maxWaitMs: number;
}

/** The timing the app uses: save after a 300 ms pause, and within 1 s at the latest. */
export const DEFAULT_TIMING: SaverTiming = { pauseMs: 300, maxWaitMs: 1000 };

/** A saver that calls `save` for each question's latest value; failed saves are kept and retried. */
export function createDraftSaver(
  save: SaveAnswer,
  timing: SaverTiming = DEFAULT_TIMING,
  onError: (error: unknown) => void = () => {},
): DraftSaver {
  const unsaved = new Map<string, unknown>();
  let pauseTimer: ReturnType<typeof setTimeout> | undefined;
  let maxTimer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();

  function clearTimers() {
    clearTimeout(pauseTimer);
    clearTimeout(maxTimer);
    pauseTimer = undefined;
    maxTimer = undefined;
  }

  function flush(): Promise<void> {
    clearTimers();
    const batch = [...unsaved.entries()];
    unsaved.clear();
    saving = saving.then(async () => {
      for (const [questionId, value] of batch) {
        try {
          await save(questionId, value);
        } catch (error) {
          // Keep it unless a newer answer came meanwhile; it goes with the next save.
          if (!unsaved.has(questionId)) unsaved.set(questionId, value);
          onError(error);
        }
      }
    });
    return saving;
  }

  return {
    answer(questionId, value) {
      unsaved.set(questionId, value);
      clearTimeout(pauseTimer);
      pauseTimer = setTimeout(flush, timing.pauseMs);
      maxTimer ??= setTimeout(flush, timing.maxWaitMs);
    },
    flush,
    settle() {
      clearTimers();
      unsaved.clear();
      return saving;
    },
    get pending() {
      return unsaved.size > 0;
    },
  };
}
