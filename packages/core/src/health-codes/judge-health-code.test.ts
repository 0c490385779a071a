import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError, isDomainError } from '../errors/index.js';
import { builtinCodeRuleSets, codeRuleSetFor } from './builtin-code-rules.js';
import { parseCodeRuleSet } from './code-rule-set-schema.js';
import { colourRank, triggerInputs, type HealthFact, type HealthInput } from './health-inputs.js';
import { judgeHealthCode } from './judge-health-code.js';
import { assertSecondApprover, appealDeadline, unlinkedTargets } from './safeguards.js';

const p9 = builtinCodeRuleSets.get('CN-P9-codes')!;
const t = (iso: string): number => Date.parse(iso) / 1000;
const day = (n: number, hour = 12): number => t('2026-03-01T00:00:00+08:00') + n * 86_400 + hour * 3_600;
let id = 1;
const fact = (input: HealthInput, at: number, over: Partial<HealthFact> = {}): HealthFact => ({
  input,
  at,
  evidence: { source: input === 'negative-test' ? 'lab_result' : 'case_report', id: id++ },
  ...over,
});

describe('health-code rule sets', () => {
  it('ships valid built-ins, linked to their protocol profiles', () => {
    for (const set of builtinCodeRuleSets.values()) assert.deepEqual(parseCodeRuleSet(JSON.stringify(set)), set);
    assert.equal(codeRuleSetFor('CN-P9-2022-06-28')?.id, 'CN-P9-codes');
    assert.equal(codeRuleSetFor('CN-20M-2022-11-11')?.id, 'CN-20M-codes');
    assert.equal(codeRuleSetFor('CN-ClassB-2023-01-08'), null);
  });

  it('refuses at load a rule reading anything but a health fact, naming the rule and the input', () => {
    const bad = JSON.parse(JSON.stringify(p9));
    bad.rules[2].input = 'bank-deposit-list';
    assert.throws(
      () => parseCodeRuleSet(bad),
      (e: unknown) => isDomainError(e) && e.code === 'validation_failed' && /rules\.2\.input: "bank-deposit-list" is not a health fact/.test(e.message),
    );
    const badClear = JSON.parse(JSON.stringify(p9));
    badClear.rules[0].stages[0].clearance = { kind: 'evidence', input: 'petition-record', count: 1, minHoursApart: 0, withinDays: null, lookBackHours: 0 };
    assert.throws(() => parseCodeRuleSet(badClear), /rules\.0\.stages\.0\.clearance\.input: "petition-record" is not a health fact/);
  });
});

describe('colour rules and transitions (CN-P9)', () => {
  it('green with no facts', () => {
    const code = judgeHealthCode([], p9, day(0));
    assert.deepEqual([code.colour, code.ruleId, code.evidence, code.expiresAt], ['green', 'CN-P9-codes/green', [], null]);
  });

  it('a case is red 14 days, then yellow 7 days, then green — by re-evaluation alone', () => {
    const facts = [fact('case', day(0))];
    const red = judgeHealthCode(facts, p9, day(1));
    assert.deepEqual([red.colour, red.ruleId, red.expiresAt, red.nextColour, red.reasonKey], ['red', 'CN-P9-codes/case', day(14), 'yellow', 'case']);
    assert.deepEqual(red.evidence, [facts[0]!.evidence]);
    const yellow = judgeHealthCode(facts, p9, day(14));
    assert.deepEqual([yellow.colour, yellow.since, yellow.expiresAt, yellow.nextColour], ['yellow', day(14), day(21), 'green']);
    assert.equal(judgeHealthCode(facts, p9, day(21)).colour, 'green');
  });

  it('a close contact is red until the quarantine ends, then yellow until a negative test', () => {
    const contact = fact('close-contact', day(0), { until: day(10, 0), evidence: { source: 'traced_contact', id: 77 } });
    const red = judgeHealthCode([contact], p9, day(3));
    assert.deepEqual([red.colour, red.expiresAt, red.nextColour], ['red', day(10, 0), 'yellow']);
    const waiting = judgeHealthCode([contact], p9, day(10));
    assert.deepEqual([waiting.colour, waiting.expiresAt], ['yellow', null]);
    assert.deepEqual(waiting.nextCondition, { kind: 'evidence', input: 'negative-test', count: 1, minHoursApart: 0, withinDays: null });
    const tested = [contact, fact('negative-test', day(11, 9))];
    assert.equal(judgeHealthCode(tested, p9, day(11, 10)).colour, 'green');
    assert.equal(judgeHealthCode(tested, p9, day(11, 8)).colour, 'yellow', 'the test is not known before it is sampled');
  });

  it('a completed quarantine ends the red stage early', () => {
    const contact = fact('close-contact', day(0), { until: day(10, 0) });
    assert.equal(judgeHealthCode([contact, fact('quarantine-completed', day(6))], p9, day(6, 13)).colour, 'yellow');
  });

  it('a companion turns green after two negatives at least 24 h apart within 3 days', () => {
    const companion = fact('companion', day(0));
    assert.equal(judgeHealthCode([companion, fact('negative-test', day(1, 8)), fact('negative-test', day(1, 20))], p9, day(2)).colour, 'yellow', '12 h apart is not enough');
    assert.equal(judgeHealthCode([companion, fact('negative-test', day(1, 8)), fact('negative-test', day(2, 9))], p9, day(3)).colour, 'green');
    assert.equal(judgeHealthCode([companion, fact('negative-test', day(1, 8)), fact('negative-test', day(5, 9))], p9, day(6)).colour, 'yellow', 'too far apart');
  });

  it('a pooled-tube member is yellow until a negative single-tube retest; a positive retest is red', () => {
    const pooled = fact('pooled-tube-positive', day(0));
    assert.equal(judgeHealthCode([pooled], p9, day(0, 13)).colour, 'yellow');
    assert.equal(judgeHealthCode([pooled, fact('negative-test', day(0, 18))], p9, day(1)).colour, 'green');
    assert.equal(judgeHealthCode([pooled, fact('positive-test', day(0, 18))], p9, day(1)).colour, 'red');
  });

  it('a missed required test is yellow until a test; travel from a risk area is yellow 7 days', () => {
    assert.equal(judgeHealthCode([fact('missed-required-test', day(0))], p9, day(3)).colour, 'yellow');
    const visit = fact('risk-area-visit', day(0), { areaLevel: 'high', evidence: { source: 'check_in', id: 5 } });
    assert.deepEqual([judgeHealthCode([visit], p9, day(1)).colour, judgeHealthCode([visit], p9, day(7)).colour], ['yellow', 'green']);
    assert.equal(judgeHealthCode([fact('risk-area-visit', day(0), { areaLevel: 'low' })], p9, day(1)).colour, 'green', 'low areas are no reason');
  });

  it('a high-risk resident is red while the area holds, medium yellow', () => {
    const high = fact('risk-area-residence', day(0), { areaLevel: 'high', until: day(8, 0) });
    assert.deepEqual([judgeHealthCode([high], p9, day(2)).colour, judgeHealthCode([high], p9, day(8)).colour], ['red', 'green']);
    assert.equal(judgeHealthCode([fact('risk-area-residence', day(0), { areaLevel: 'medium' })], p9, day(2)).colour, 'yellow');
  });

  it('the most severe rule decides and all its evidence is listed', () => {
    const facts = [fact('companion', day(0)), fact('close-contact', day(1), { until: day(8) }), fact('case', day(2))];
    const code = judgeHealthCode(facts, p9, day(3));
    assert.equal(code.colour, 'red');
    assert.equal(code.ruleId, 'CN-P9-codes/case', 'the case lasts longest');
    assert.equal(code.evidence.length, 2);
  });
});

describe('health-code properties', () => {
  const inputArb = fc.constantFrom(...triggerInputs, 'negative-test' as const, 'quarantine-completed' as const);
  const factArb = fc.record({ input: inputArb, d: fc.integer({ min: 0, max: 30 }), h: fc.integer({ min: 0, max: 23 }), until: fc.option(fc.integer({ min: 0, max: 40 })), high: fc.boolean() });
  const toFacts = (raw: Array<{ input: HealthInput; d: number; h: number; until: number | null; high: boolean }>): HealthFact[] =>
    raw.map((r, i) => ({ input: r.input, at: day(r.d, r.h), until: r.until === null ? null : day(r.until, 0), areaLevel: r.high ? 'high' : 'medium', evidence: { source: 'case_report', id: i + 1 } }));

  it('adding a trigger fact never makes the colour greener', () => {
    fc.assert(
      fc.property(fc.array(factArb, { maxLength: 8 }), factArb.filter((f) => (triggerInputs as readonly string[]).includes(f.input)), fc.integer({ min: 0, max: 45 }), (raw, extra, at) => {
        const facts = toFacts(raw);
        const more = [...facts, ...toFacts([extra]).map((f) => ({ ...f, evidence: { source: 'case_report' as const, id: 999 } }))];
        for (const set of builtinCodeRuleSets.values()) {
          assert.ok(colourRank(judgeHealthCode(more, set, day(at)).colour) >= colourRank(judgeHealthCode(facts, set, day(at)).colour), set.id);
        }
      }),
    );
  });

  it('is a pure function of facts and time: order does not matter, later facts are ignored', () => {
    fc.assert(
      fc.property(fc.array(factArb, { maxLength: 8 }), fc.integer({ min: 0, max: 45 }), (raw, at) => {
        const facts = toFacts(raw);
        const code = judgeHealthCode(facts, p9, day(at));
        assert.deepEqual(judgeHealthCode([...facts].reverse(), p9, day(at)), code);
        assert.deepEqual(judgeHealthCode(facts.filter((f) => f.at <= day(at)), p9, day(at)), code);
      }),
    );
  });

  it('a colour with an expiry becomes its next colour at that instant if nothing new happens', () => {
    fc.assert(
      fc.property(fc.array(factArb, { maxLength: 8 }), fc.integer({ min: 0, max: 45 }), (raw, at) => {
        const facts = toFacts(raw).filter((f) => f.at <= day(at));
        const code = judgeHealthCode(facts, p9, day(at));
        if (code.expiresAt !== null) assert.equal(judgeHealthCode(facts, p9, code.expiresAt).colour, code.nextColour);
      }),
    );
  });
});

describe('safeguards', () => {
  it('the two-person rule refuses the requester approving their own change', () => {
    assert.throws(() => assertSecondApprover(4, 4), (e: unknown) => e instanceof DomainError && e.code === 'two_person_rule');
    assert.doesNotThrow(() => assertSecondApprover(4, 5));
  });
  it('a yellow or red change to anyone without an epidemiological link is refused; lifting is not', () => {
    assert.deepEqual(unlinkedTargets('red', [1, 2, 3], new Set([2])), [1, 3]);
    assert.deepEqual(unlinkedTargets('green', [1, 2, 3], new Set()), []);
  });
  it('an appeal is due 24 hours after filing', () => {
    assert.equal(appealDeadline(new Date('2026-03-01T10:00:00Z')).toISOString(), '2026-03-02T10:00:00.000Z');
  });
});
