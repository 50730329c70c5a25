import type { Stage } from '../stage.js';
import { trace } from '../stage.js';
import { extractStatements } from '../statements/patterns.js';

/**
 * Statements: time-bounded facts about actors (present_in, backed_by, controlled_by,
 * commanded_by, affiliated_with, leader_of, rival_of, personnel_moving_to, strength, died, role,
 * claims), each with evidence, modality and attribution. Runs after events so a presence can
 * close with the actor's withdrawal.
 */
export const statementsStage: Stage = {
  name: 'statements',
  run(doc, results) {
    for (const st of extractStatements(doc, results)) {
      results.statements.push(st);
      trace(results, { stage: 'statements', rule: st.rules[0], message: `${st.subject} ${st.predicate} ${st.object ?? ''}`, span: st.evidence });
    }
  },
};
