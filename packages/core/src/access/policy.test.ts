import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from './actor.js';
import { isWithinJurisdiction } from './jurisdiction.js';
import { abilitiesOf, can, identifierVisibility } from './policy.js';
import { purposes } from './purposes.js';
import { roles, type Role } from './roles.js';

const actor = (role: Role, regionPath = 'r99.r9901'): Actor => ({ userId: 1, username: 'u', role, regionId: 1, regionPath });

describe('access policy', () => {
  it('pins the abilities of every role', () => {
    const table = Object.fromEntries(roles.map((role) => [role, [...abilitiesOf({ role })].sort()]));
    assert.deepEqual(table, {
      administrator: ['audit.verify', 'code.read', 'demo.control', 'facility.read', 'import.run', 'judgment.recompute', 'pass.keys.manage', 'person.read', 'person.search', 'person.write', 'quarantine_order.print', 'region.read', 'risk-area.import', 'task.export', 'task.notice.read', 'task.read', 'task.record', 'user.manage'],
      epidemiologist: ['appeal.decide', 'code.override.approve', 'code.override.request', 'code.read', 'facility.read', 'import.run', 'judgment.recompute', 'person.read', 'person.search', 'person.write', 'quarantine_order.print', 'region.read', 'risk-area.import', 'task.export', 'task.notice.read', 'task.read', 'task.record'],
      command_centre: ['appeal.decide', 'code.override.approve', 'code.override.request', 'code.read', 'demo.control', 'facility.read', 'judgment.recompute', 'person.read', 'person.search', 'quarantine_order.print', 'region.read', 'task.export', 'task.notice.read', 'task.read'],
      grid_worker: ['appeal.file', 'code.read', 'facility.read', 'person.read', 'person.search', 'region.read', 'task.read', 'task.record'],
      lab: ['import.run', 'person.read', 'person.search', 'region.read'],
      facility_manager: ['facility.read', 'person.read', 'person.search', 'region.read'],
      auditor: ['audit.read', 'audit.verify', 'region.read'],
      public: ['appeal.file', 'code.read.own'],
    });
  });

  it('limits every ability to the jurisdiction subtree', () => {
    assert.equal(can(actor('grid_worker'), 'person.read', 'r99.r9901.r990101'), true);
    assert.equal(can(actor('grid_worker'), 'person.read', 'r99.r9901'), true);
    assert.equal(can(actor('grid_worker'), 'person.read', 'r99.r9902.r990201'), false);
    assert.equal(can(actor('grid_worker'), 'person.read', 'r99.r99011'), false, 'a sibling sharing a prefix is outside');
  });

  it('the public and auditors never read people', () => {
    assert.equal(can(actor('public'), 'person.read', 'r99.r9901'), false);
    assert.equal(can(actor('auditor'), 'person.read', 'r99.r9901'), false);
  });

  it('unmasks the resident ID only for epidemiologists investigating or tracing', () => {
    for (const role of roles) {
      for (const purpose of purposes) {
        const expected = role === 'epidemiologist' && (purpose === 'case_investigation' || purpose === 'contact_tracing');
        assert.equal(identifierVisibility(role, purpose).residentId, expected, `${role}/${purpose}`);
      }
    }
  });

  it('unmasks the phone to a grid worker verifying in the field, not when supervising', () => {
    assert.equal(identifierVisibility('grid_worker', 'field_verification').phone, true);
    assert.equal(identifierVisibility('grid_worker', 'supervision').phone, false);
    assert.equal(identifierVisibility('command_centre', 'case_investigation').phone, false);
  });

  it('isWithinJurisdiction treats the empty scope as everything', () => {
    assert.equal(isWithinJurisdiction('r1.r2', ''), true);
  });
});
