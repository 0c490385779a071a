import { runRetention } from '@epigrid/ingest';
import { createServices, recordAudit } from '@epigrid/server';
import { openConfigured } from '../open-configured.js';

/** `epigrid retention run`: drops presence partitions older than EPIGRID_PRESENCE_RETENTION_DAYS. Audited. */
export async function retentionRun(): Promise<void> {
  const opened = await openConfigured(process.env);
  try {
    const policy = opened.config.retention.presenceDays;
    const report = await runRetention(opened.db, policy, new Date().toISOString().slice(0, 10));
    for (const [source, days] of Object.entries(report)) {
      console.log(`${source}: keeping ${policy[source]} days; dropped ${days.length === 0 ? 'nothing' : days.join(', ')}`);
    }
    await recordAudit(createServices(opened.db, opened.config, opened.secret), {
      actor: null,
      actorName: 'cli',
      action: 'retention.run',
      purpose: 'system',
      subject: null,
      outcome: 'allowed',
      details: { dropped: report },
    });
  } finally {
    await opened.db.close();
  }
}
