import type { Stage } from '../stage.js';

// Placeholder until the stage lands: it adds nothing.
export const actorsStage: Stage = {
  name: 'actors',
  run() {},
};
