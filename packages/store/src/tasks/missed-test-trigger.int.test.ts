import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FiringRule } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';
import { testBackends } from '../testing/test-databases.js';
import { companionFollowUp, seedCase, storeTrace, testPlan, tracedContact } from '../testing/test-traces.js';
import { generateMissedTestTasks } from './missed-test-trigger.js';
import type { TriggerClock, TriggerTaskRule } from './trigger-rule.js';

const INDEX = 'traced_contact_last_planned_test_day';
const SAMPLES_INDEX = 'lab_result_person_sampled';

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
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

/** Rows the plan took from the index, over all its loops (0 when it does not use it). */
function rowsFromIndex(node: PlanNode): number {
  const own = node['Index Name'] === INDEX ? node['Actual Rows'] * node['Actual Loops'] : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsFromIndex(child), 0);
}

/** The plan's nodes that read a table, subplans included. */
function readsOf(node: PlanNode, table: string): PlanNode[] {
  const own = node['Relation Name'] === table ? [node] : [];
  return own.concat(...(node.Plans ?? []).map((child) => readsOf(child, table)));
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
      const samples = readsOf(plan!.Plan, 'lab_result');
      assert.deepEqual(
        samples.map((n) => [n['Index Name'], /person_id = /.test(n['Index Cond'] ?? ''), n['Actual Loops']]),
        [[SAMPLES_INDEX, true, 2]],
        'one probe of the person’s samples by index per planned day in range, not a scan or a hash of every sample',
      );
    });

    it('counts a sample from the first instant of the day less the tolerance up to, not including, the end of the day plus it', async () => {
      const { caseId, persons } = await seedCase(db, 4);
      await storeTrace(db, caseId, persons.map((p) => tracedContact(p, 'close', testPlan('2026-03-11'))));
      await db.query(
        `INSERT INTO person_state (person_id, state, since, needs_rejudgment)
         SELECT unnest($1::bigint[]), 'under_quarantine', '2026-03-08T22:00:00+08:00', false`,
        [persons],
      );
      // With 3 h of tolerance the window of 11 March (+08:00) is [10 March 21:00, 12 March 03:00).
      const sampledAt = ['2026-03-10T21:00:00.000+08:00', '2026-03-10T20:59:59.999+08:00', '2026-03-12T02:59:59.999+08:00', '2026-03-12T03:00:00.000+08:00'];
      for (const [i, at] of sampledAt.entries()) {
        await db.query(
          `INSERT INTO lab_result (sample_id, person_id, tube_id, pool_size, sampled_at, resulted_at, result, lab_code)
           VALUES ($1, $2, $1, 1, $3, $3, 'negative', 'L')`,
          [`E-${caseId}-${i}`, persons[i], at],
        );
      }
      await db.transaction((tx) => generateMissedTestTasks(tx, { ...rule, testDayToleranceHours: 3 }, clock));
      const tasks = await db.query<{ personId: string }>(`SELECT person_id AS "personId" FROM task WHERE person_id = ANY($1::bigint[]) ORDER BY person_id`, [persons]);
      assert.deepEqual(
        tasks.rows.map((t) => persons.indexOf(Number(t.personId))),
        [1, 3],
        'the first instant and the last millisecond count; a millisecond earlier and the end itself do not',
      );
    });
  });
}
