/** Names of the settings where traced links happened (cluster names) in the UI language. */
import type { TFunction } from 'i18next';
import type { Cluster, LinkSetting } from './case-types.js';

/**
 * A setting in words: "Venue #12", "Train G1234 on 2026-03-01", …
 * @param t - translation function
 * @param setting - the setting
 */
export function settingName(t: TFunction, setting: LinkSetting): string {
  switch (setting.kind) {
    case 'venue':
      return t('chains.settingVenue', { id: setting.venueId });
    case 'household':
      return t('chains.settingHousehold', { id: setting.householdId });
    case 'vehicle': {
      const [mode = '', serviceId = '', date = ''] = setting.serviceKey.split('|');
      return t('chains.settingVehicle', { mode: t(`modes.${mode}`, { defaultValue: mode }), serviceId, date });
    }
    case 'investigator':
      return t('chains.settingInvestigator', { reference: setting.reference });
    default:
      return JSON.stringify(setting);
  }
}

/**
 * A cluster's name: its dominant setting, else the case it grew around.
 * @param t - translation function
 * @param cluster - the cluster
 */
export function clusterName(t: TFunction, cluster: Cluster): string {
  return cluster.dominantSetting === null ? t('chains.settingCases', { id: cluster.id }) : settingName(t, cluster.dominantSetting);
}
