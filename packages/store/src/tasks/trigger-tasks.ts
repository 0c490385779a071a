import type { SqlClient } from '../db/sql-client.js';
import { appealCandidates } from './appeal-trigger.js';
import { lockTaskGeneration } from './generation-lock.js';
import { generateMissedTestTasks } from './missed-test-trigger.js';
import { pooledPositiveCandidates } from './pooled-positive-trigger.js';
import { quarantineEndingCandidates } from './quarantine-ending-trigger.js';
import { insertRoutedTasks } from './routed-task-writer.js';
import type { RoutedTask } from './task-routing-store.js';
import type { TriggerClock, TriggerTaskRule } from './trigger-rule.js';

/**
 * Fires one task type's rule: finds what its trigger asks for (pooled positives, missed tests and
 * rounds, appeals, ends of quarantine), routes the tasks as they are created and writes them, in one
 * transaction. Idempotent: a second run adds nothing (UNIQUE (type, subject_key), checked rounds);
 * exclusive: an overlapping pass waits for this one, then sees its tasks ({@link lockTaskGeneration}).
 * @param db - database
 * @param rule - the type's firing rule, deadline and routing
 * @param clock - now and the local offset
 * @returns the tasks created, with where they went
 */
export async function generateTriggerTasks(db: SqlClient, rule: TriggerTaskRule, clock: TriggerClock): Promise<RoutedTask[]> {
  return db.transaction(async (tx) => {
    await lockTaskGeneration(tx);
    const fires = rule.fires;
    switch (fires.on) {
      case 'pooled_positive':
        return insertRoutedTasks(tx, await pooledPositiveCandidates(tx, { ...rule, fires }, clock), clock.now, rule.routing);
      case 'missed_test':
        return generateMissedTestTasks(tx, { ...rule, fires }, clock);
      case 'appeal':
        return insertRoutedTasks(tx, await appealCandidates(tx, { ...rule, fires }), clock.now, rule.routing);
      case 'quarantine_ending':
        return insertRoutedTasks(tx, await quarantineEndingCandidates(tx, { ...rule, fires }, clock), clock.now, rule.routing);
    }
  });
}
