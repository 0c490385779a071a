import { analyseChains, createServices } from '@epigrid/server';
import { openConfigured } from '../open-configured.js';

/**
 * `epigrid chains`: prints clusters and, for each case, its most likely infector (Wallinga–Teunis,
 * restricted to traced links where they exist).
 */
export async function chainsCommand(): Promise<void> {
  const opened = await openConfigured(process.env);
  try {
    const services = createServices(opened.db, opened.config, opened.secret);
    const report = await analyseChains(services, { userId: 0, username: 'cli', role: 'epidemiologist', regionId: 0, regionPath: '' }, 'contact_tracing');
    console.log(`${report.cases.length} cases, ${report.links.length} traced case-to-case links, ${report.clusters.length} clusters`);
    for (const cluster of report.clusters) {
      const growth = Number.isFinite(cluster.growth) ? cluster.growth.toFixed(2) : 'new';
      console.log(`  ${cluster.name}: ${cluster.size} cases, ${cluster.firstDate} – ${cluster.lastDate}, growth ${growth}`);
    }
    for (const ranking of report.analysis.rankings) {
      const best = ranking.candidates[0];
      if (best === undefined) continue;
      console.log(`  case ${ranking.caseId} ← case ${best.caseId} (${(best.likelihood * 100).toFixed(0)}%${best.traced ? ', traced' : ''})`);
    }
  } finally {
    await opened.db.close();
  }
}
