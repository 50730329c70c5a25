import type { Stage } from '../stage.js';

// Placeholder until the stage lands: it adds nothing.
export const quantitiesStage: Stage = {
  name: 'quantities',
  run() {},
};
