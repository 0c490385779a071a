import { readFileSync } from 'node:fs';
import { builtinProfile, builtinProfiles, checkProfile } from '@epigrid/core';

/** `epigrid profiles list`: the built-in protocol profiles. */
export function profilesList(): void {
  for (const profile of builtinProfiles.values()) {
    console.log(`${profile.id.padEnd(22)} ${profile.title}`);
  }
}

/**
 * `epigrid profiles show ID`: prints a built-in profile as JSON, to copy and edit.
 * @param id - profile id
 */
export function profilesShow(id: string): void {
  if (!builtinProfiles.has(id)) throw new Error(`no built-in profile "${id}"; see epigrid profiles list`);
  console.log(JSON.stringify(builtinProfile(id), null, 2));
}

/**
 * `epigrid profiles check FILE`: validates an edited profile; lists every problem with its field.
 * Exits with status 1 when the profile is not valid.
 * @param file - JSON file
 */
export function profilesCheck(file: string): void {
  const checked = checkProfile(readFileSync(file, 'utf8'));
  if (checked.kind === 'valid') {
    console.log(`${file}: valid profile ${checked.profile.id}; use it with EPIGRID_PROTOCOL_PROFILE=${file}`);
    return;
  }
  console.error(`${file}: not a valid profile`);
  for (const issue of checked.issues) console.error(`  ${issue.path || '(root)'}: ${issue.reason}`);
  process.exitCode = 1;
}
