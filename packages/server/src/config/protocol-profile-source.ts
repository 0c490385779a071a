import { readFileSync } from 'node:fs';
import { builtinProfile, checkProfile, type ProtocolProfile } from '@epigrid/core';
import { ConfigError } from './config.js';

/**
 * The active protocol profile: a built-in one by id, or an operator's JSON file (for example a
 * built-in profile printed by `epigrid profiles show`, edited), validated field by field.
 * @param idOrFile - EPIGRID_PROTOCOL_PROFILE: a built-in id or a path ending in .json
 * @throws ConfigError naming the file and every invalid field
 */
export function loadProtocolProfile(idOrFile: string): ProtocolProfile {
  if (!idOrFile.endsWith('.json')) return builtinProfile(idOrFile);
  let text: string;
  try {
    text = readFileSync(idOrFile, 'utf8');
  } catch (error) {
    throw new ConfigError([`EPIGRID_PROTOCOL_PROFILE: cannot read ${idOrFile}: ${(error as Error).message}`]);
  }
  const checked = checkProfile(text);
  if (checked.kind === 'invalid') {
    throw new ConfigError(checked.issues.map((i) => `EPIGRID_PROTOCOL_PROFILE ${idOrFile}: ${i.path || '(root)'}: ${i.reason}`));
  }
  return checked.profile;
}
