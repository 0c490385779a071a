import { randomBytes } from 'node:crypto';
import { isRole, roles } from '@epigrid/core';
import { recordAudit, createServices } from '@epigrid/server';
import { createUser, findRegionByCode } from '@epigrid/store';
import { openConfigured } from '../open-configured.js';

/** Options of `epigrid users add`. */
export interface UsersAddOptions {
  readonly username: string;
  readonly role: string;
  /** Code of the region node the user belongs to. */
  readonly region: string;
  readonly name?: string;
  /** Clear password; when omitted a random one is generated and printed once. */
  readonly password?: string;
}

/**
 * `epigrid users add`: creates a user at a region node (audited as an administration action).
 * @param options - command options
 */
export async function usersAdd(options: UsersAddOptions): Promise<void> {
  if (!isRole(options.role)) throw new Error(`unknown role "${options.role}"; use one of: ${roles.join(', ')}`);
  const opened = await openConfigured(process.env);
  try {
    const region = await findRegionByCode(opened.db, options.region);
    if (region === null) throw new Error(`no region with code "${options.region}"`);
    const password = options.password ?? randomBytes(12).toString('base64url');
    const user = await createUser(opened.db, {
      username: options.username,
      displayName: options.name ?? options.username,
      password,
      role: options.role,
      regionId: region.id,
    });
    await recordAudit(createServices(opened.db, opened.config, opened.secret), {
      actor: null,
      actorName: 'cli',
      action: 'user.create',
      purpose: 'system',
      subject: `user:${user.id}`,
      outcome: 'allowed',
      details: { role: user.role, regionId: user.regionId },
    });
    console.log(`created user ${user.username} (${user.role}) at ${user.regionNameEn} / ${user.regionNameZh}`);
    if (options.password === undefined) console.log(`password: ${password}`);
  } finally {
    await opened.db.close();
  }
}
