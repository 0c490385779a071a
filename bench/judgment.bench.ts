// Research and judgment, pure part: judging the colours of a city's people with health facts, and
// classifying areas from a month of infections. The issue names no target; figures are recorded.
// Usage: node --import tsx bench/judgment.bench.ts [persons] [infections]
import { builtinCodeRuleSets, builtinRiskAreaProfile, classifyAreas, judgeHealthCode, triggerInputs, type AreaCaseFact, type HealthFact } from '@epigrid/core';
import { report } from './bench-kit.js';

const persons = Number(process.argv[2] ?? 200_000);
const infections = Number(process.argv[3] ?? 20_000);
const base = Date.parse('2026-03-01T00:00:00+08:00') / 1000;
let seed = 1;
const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

const facts: HealthFact[][] = [];
for (let p = 0; p < persons; p++) {
  const list: HealthFact[] = [];
  const n = Math.floor(random() * 5);
  for (let i = 0; i < n; i++) {
    const at = base + Math.floor(random() * 28 * 86_400);
    const input = random() < 0.5 ? 'negative-test' : triggerInputs[Math.floor(random() * triggerInputs.length)]!;
    list.push({ input, at, until: at + 10 * 86_400, areaLevel: random() < 0.5 ? 'high' : 'medium', evidence: { source: 'case_report', id: p * 10 + i } });
  }
  facts.push(list);
}
const rules = builtinCodeRuleSets.get('CN-P9-codes')!;
const at = base + 30 * 86_400;
let started = performance.now();
const colours = { green: 0, yellow: 0, red: 0 };
for (const list of facts) colours[judgeHealthCode(list, rules, at).colour]++;
const judgeMs = performance.now() - started;

const areaFacts: AreaCaseFact[] = [];
for (let i = 0; i < infections; i++) {
  const day = 1 + Math.floor(random() * 28);
  areaFacts.push({
    caseId: i + 1,
    areaPath: `r1.g${Math.floor(random() * 2_000)}`,
    day: `2026-03-${String(day).padStart(2, '0')}`,
    role: random() < 0.7 ? 'residence' : 'activity',
    settingKey: `h${Math.floor(random() * 5_000)}`,
    community: true,
  });
}
started = performance.now();
const p9 = classifyAreas(areaFacts, builtinRiskAreaProfile('CN-P9-areas'), at);
const p9Ms = performance.now() - started;
started = performance.now();
const county = classifyAreas(areaFacts.map((f) => ({ ...f, areaPath: `r1.c${f.areaPath.length % 20}` })), builtinRiskAreaProfile('CN-2020-02-county'), at);
const countyMs = performance.now() - started;

report('judgment', [
  { name: `judge ${persons.toLocaleString('en')} persons (0–4 facts each, CN-P9 codes)`, value: judgeMs, unit: 'ms', note: `${colours.red} red, ${colours.yellow} yellow` },
  { name: 'judge per person', value: (judgeMs * 1000) / persons / 1000, unit: 'ms' },
  { name: `classify ${infections.toLocaleString('en')} infections in 2,000 areas (CN-P9 timers)`, value: p9Ms, unit: 'ms', note: `${p9.filter((l) => !l.background).length} risk areas` },
  { name: `classify the same in 20 counties (Feb-2020 county rule)`, value: countyMs, unit: 'ms', note: `${county.filter((l) => !l.background).length} risk areas` },
]);
