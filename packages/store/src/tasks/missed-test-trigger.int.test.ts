import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FiringRule } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';
import { testBackends } from '../testing/test-databases.js';
import { companionFollowUp, seedCase, storeTrace, testPlan, tracedContact } from '../testing/test-traces.js';
import { generateMissedTestTasks } from './missed-test-trigger.js';
import type { TriggerClock, TriggerTaskRule } from './trigger-rule.js';

const INDEX = 'traced_contact_last_planned_test_day';

/** The built-in door knock for missed tests, without rounds: test days of the last 3 days. */
const rule: TriggerTaskRule<Extract<FiringRule, { on: 'missed_test' }>> = {
  type: 'urge_test',
  ruleId: 'T/urge_test',
  priority: 2,
  deadlineHours: 12,
  fires: { on: 'missed_test', contactKinds: ['close', 'sub-close'], states: ['under_quarantine'], withinDays: 3, roundClosesAfterHours: null },
  routing: { roles: ['grid_worker'], fromLevel: null },
  testDayToleranceHours: 0,
};

/** 13 March (+08:00): the rule looks at test days from 10 March on. */
const clock: TriggerClock = { now: new Date('2026-03-13T09:00:00+08:00'), utcOffsetMinutes: 480 };

interface PlanNode {
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

/** Rows the plan took from the index, over all its loops (0 when it does not use it). */
function rowsFromIndex(node: PlanNode): number {
  const own = node['Index Name'] === INDEX ? node['Actual Rows'] * node['Actual Loops'] : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsFromIndex(child), 0);
}

for (const backend of testBackends()) {
  describe(`the missed-test trigger's plan tests on ${backend.name}`, () => {
    let db: SqlClient;
    before(async () => {
      db = await backend.open();
    });
    after(async () => {
      await db.close();
    });

    it('reads only the contacts whose plan reaches the rule’s days, through the index', async () => {
      const { caseId, persons } = await seedCase(db, 5);
      const [missedLast, goesOn, endedBefore, companion, unplanned] = persons as [number, number, number, number, number];
      await storeTrace(db, caseId, [
        tracedContact(missedLast, 'close', testPlan('2026-03-09', '2026-03-11')),
        tracedContact(goesOn, 'sub-close', testPlan('2026-03-10', '2026-03-16')),
        tracedContact(endedBefore, 'close', testPlan('2026-03-08', '2026-03-09')),
        tracedContact(companion, 'companion', companionFollowUp),
        tracedContact(unplanned, 'sub-close', null),
      ]);
      await db.query(
        `INSERT INTO person_state (person_id, state, since, needs_rejudgment)
         SELECT unnest($1::bigint[]), 'under_quarantine', '2026-03-08T22:00:00+08:00', false`,
        [persons],
      );

      const statements: Array<{ sql: string; params: readonly unknown[] }> = [];
      await db.transaction(async (tx) => {
        const recording: SqlClient = {
          ...tx,
          query: (sql, params) => {
            statements.push({ sql, params: params ?? [] });
            return tx.query(sql, params);
          },
        };
        await generateMissedTestTasks(recording, rule, clock);
      });
      const tasks = await db.query<{ subjectKey: string }>(`SELECT subject_key AS "subjectKey" FROM task WHERE type = $1 ORDER BY subject_key`, [rule.type]);
      assert.deepEqual(
        tasks.rows.map((t) => t.subjectKey),
        [`test:2026-03-10:person:${goesOn}`, `test:2026-03-11:person:${missedLast}`].sort(),
        'the missed days of the plans in range, the last one or not; nothing for the plan that ended before them',
      );

      const planTests = statements.find((s) => s.sql.includes('last_planned_test_day'));
      assert.ok(planTests, 'the plan-test query bounds the last planned day');
      const explained = await db.transaction(async (tx) => {
        // A table this small is read whole anyway; what matters is that the index can serve the query.
        await tx.query('SET LOCAL enable_seqscan = off');
        return tx.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${planTests.sql}`, planTests.params);
      });
      const raw = explained.rows[0]!['QUERY PLAN'];
      const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
      assert.equal(rowsFromIndex(plan!.Plan), 2, 'the two contacts in range, not the one whose plan ended, nor the companion or the unplanned');
    });
  });
}
