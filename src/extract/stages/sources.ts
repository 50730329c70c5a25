import type { Stage } from '../stage.js';

// Placeholder until the stage lands: it adds nothing.
export const sourcesStage: Stage = {
  name: 'sources',
  run() {},
};
