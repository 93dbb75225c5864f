// GET /plugins and GET /plugins/features as the plugins page shows them. Pure functions, unit-tested.

/**
 * Orders OSGi/Karaf versions ("1.2.0", "0.1.0.SNAPSHOT", "1.10.0-rc1"): major, minor and micro as
 * numbers (missing ones are 0), then the qualifier, where no qualifier sorts after any one ("1.0.0" is
 * newer than "1.0.0.SNAPSHOT", which Maven also holds). Negative when a is older than b.
 */
export function compareVersions(a, b) {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  for (let i = 0; i < 3; i++) {
    if (pa.numbers[i] !== pb.numbers[i]) return pa.numbers[i] < pb.numbers[i] ? -1 : 1;
  }
  if (pa.qualifier === pb.qualifier) return 0;
  if (!pa.qualifier) return 1;
  if (!pb.qualifier) return -1;
  return pa.qualifier < pb.qualifier ? -1 : 1;
}

function parseVersion(version) {
  const parts = String(version || '').split(/[.-]/);
  const numbers = [];
  let i = 0;
  while (i < parts.length && numbers.length < 3 && /^\d+$/.test(parts[i])) numbers.push(Number(parts[i++]));
  while (numbers.length < 3) numbers.push(0);
  return { numbers, qualifier: parts.slice(i).join('.') };
}

/** "omnitill-payment-cash" → "payment"; the server accepts only omnitill-{payment,tax,device,channel}-*. */
export function featureFamily(name) {
  return /^omnitill-([a-z]+)-/.exec(name || '')?.[1] || 'other';
}

const FAMILY_NAMES = { payment: 'Payment', tax: 'Tax', device: 'Devices', channel: 'Sales channels', other: 'Other' };

export function familyName(family) {
  return FAMILY_NAMES[family] || (family ? family.charAt(0).toUpperCase() + family.slice(1) : 'Other');
}

/**
 * The feature list has one entry per name and version; the page shows one row per name:
 * {name, family, description, installedVersion (or null), versions (newest first), newest,
 * updateTo (the newest version above the installed one, or null)}, sorted by name.
 */
export function groupFeatures(features) {
  const byName = new Map();
  for (const feature of features || []) {
    const entry = byName.get(feature.name) || { name: feature.name, entries: [] };
    entry.entries.push(feature);
    byName.set(feature.name, entry);
  }
  return [...byName.values()]
    .map(({ name, entries }) => {
      const versions = [...new Set(entries.map((f) => f.version))].sort((a, b) => compareVersions(b, a));
      const installed = entries.filter((f) => f.installed).map((f) => f.version).sort((a, b) => compareVersions(b, a));
      const installedVersion = installed[0] || null;
      const newest = versions[0];
      // the description of the newest version: the one an install or update would bring
      const description = entries.find((f) => f.version === newest)?.description || '';
      return {
        name,
        family: featureFamily(name),
        description,
        installedVersion,
        versions,
        newest,
        updateTo: installedVersion && compareVersions(newest, installedVersion) > 0 ? newest : null,
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Versions an installed feature can be updated to (newer than the installed one), newest first. */
export function newerVersions(feature) {
  if (!feature.installedVersion) return [];
  return feature.versions.filter((v) => compareVersions(v, feature.installedVersion) > 0);
}

/** Rows grouped by family, families in a fixed, readable order: [{family, items}]. */
export function groupByFamily(rows) {
  const order = ['payment', 'tax', 'device', 'channel'];
  const groups = new Map();
  for (const row of rows || []) {
    const family = row.family || 'other';
    if (!groups.has(family)) groups.set(family, []);
    groups.get(family).push(row);
  }
  const rank = (family) => (order.includes(family) ? order.indexOf(family) : order.length);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([family, items]) => ({ family, items }));
}
