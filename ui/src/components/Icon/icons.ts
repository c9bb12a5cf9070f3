// Line icons on a 24 × 24 grid. Each icon always stands beside a word; it never carries meaning alone.

export const ICONS = {
  // A form with lines and a pen mark.
  apply: ['M6 2h9l5 5v15H6z', 'M15 2v5h5', 'M9 12h8', 'M9 16h8', 'M9 8h3'],
  // A clock.
  progress: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M12 7v5l4 2'],
  // A card with a photo and lines.
  licences: ['M3 5h18v14H3z', 'M6 9h5v6H6z', 'M13 10h5', 'M13 14h5'],
  // A speech bubble.
  requests: ['M4 4h16v12H9l-5 4z', 'M8 9h8', 'M8 12h5'],
  // An envelope.
  messages: ['M3 6h18v12H3z', 'M3 6l9 7l9-7'],
  // A lifebuoy.
  help: [
    'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z',
    'M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8z',
    'M5.6 5.6l3.6 3.6',
    'M14.8 14.8l3.6 3.6',
    'M18.4 5.6l-3.6 3.6',
    'M9.2 14.8l-3.6 3.6',
  ],
  // An arrow pointing left.
  back: ['M20 12H5', 'M11 6l-6 6l6 6'],
  // An arrow pointing right: go on to it.
  forward: ['M4 12h15', 'M13 6l6 6l-6 6'],
  // A house.
  home: ['M3 11l9-8l9 8', 'M5 10v11h14V10', 'M10 21v-6h4v6'],
  // A circle with an exclamation mark.
  warning: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M12 7v6', 'M12 16v1'],
  // Three sliders: settings.
  settings: ['M4 6h16', 'M4 12h16', 'M4 18h16', 'M8 4v4', 'M15 10v4', 'M10 16v4'],
  // A loudspeaker with sound waves.
  speaker: ['M4 9h4l5-4v14l-5-4H4z', 'M16 9a4 4 0 0 1 0 6', 'M18.5 6.5a8 8 0 0 1 0 11'],
  // An empty circle: still to come.
  pending: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z'],
  // A door with an arrow going in.
  login: ['M14 4h5v16h-5', 'M3 12h11', 'M10 8l4 4l-4 4'],
  // A door with an arrow going out.
  logout: ['M10 4H5v16h5', 'M9 12h12', 'M17 8l4 4l-4 4'],
  // A circle with a tick.
  done: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M8 12l3 3l5-6'],
  // A circle with an arrow going up: waiting to be sent.
  outbox: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M12 16V8', 'M8.5 11.5L12 8l3.5 3.5'],
  // A padlock.
  lock: ['M5 11h14v10H5z', 'M8 11V7a4 4 0 0 1 8 0v4', 'M12 15v2'],
} as const satisfies Record<string, readonly string[]>;

/** Names of the icons the app can draw. */
export type IconName = keyof typeof ICONS;
