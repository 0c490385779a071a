import type { ChainHasher, ProtocolProfile } from '@epigrid/core';
import {
  createAuditHasher,
  createIdentifierVault,
  createPersonDirectory,
  type IdentifierVault,
  type PersonDirectory,
  type SqlClient,
} from '@epigrid/store';
import type { Config } from './config/config.js';
import { loadProtocolProfile } from './config/protocol-profile-source.js';
import { TaskPushBroker } from './push/task-push-broker.js';
import { TraceIndexHolder } from './trace/trace-service.js';

/** What the use cases run on: the database, the protections built from the secret, and a clock. */
export interface Services {
  readonly db: SqlClient;
  readonly config: Config;
  readonly vault: IdentifierVault;
  readonly auditHasher: ChainHasher;
  readonly persons: PersonDirectory;
  /** The active protocol profile: contact rules, windows, quarantine schedules. */
  readonly profile: ProtocolProfile;
  /** The trace engine's presence index over the store. */
  readonly trace: TraceIndexHolder;
  /** Current time; injected so tests can move it (session expiry). */
  readonly now: () => Date;
  /** Open task event streams of signed-in users (server-sent events). */
  readonly push: TaskPushBroker;
}

/**
 * Composes the services from an open database, the configuration and the secret.
 * @param db - migrated database
 * @param config - validated configuration
 * @param secret - deployment secret (hex)
 * @param now - clock
 */
export function createServices(db: SqlClient, config: Config, secret: string, now: () => Date = () => new Date()): Services {
  const vault = createIdentifierVault(secret);
  return {
    db,
    config,
    vault,
    auditHasher: createAuditHasher(secret),
    persons: createPersonDirectory(db, vault),
    profile: loadProtocolProfile(config.trace.profileId),
    trace: new TraceIndexHolder(db, config.trace.indexDays, now),
    now,
    push: new TaskPushBroker(),
  };
}
