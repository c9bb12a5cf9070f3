// Reading aloud through the shell, with what the person must hear when it cannot: the speaker
// remembers whether it is reading, so that any action of the person can stop it.

import { commands } from './bindings.generated';

/** Something that reads text aloud. */
export interface Speaker {
  /** Reads `text`, cutting off what was being read. */
  speak(text: string): Promise<void>;
  /** Stops reading. */
  stop(): Promise<void>;
}

/** The shell's voice. */
export const shellSpeaker: Speaker = {
  speak: async (text) => {
    await commands.speechSpeak(text);
  },
  stop: async () => {
    await commands.speechStop();
  },
};
