/** Which enterprises rent floors in which building (所在楼宇编号), and their office area. */
import { day } from './dates';
import type { Building, Enterprise } from './model';
import type { Rng } from './rng';

/**
 * Tenants: most service HQs rent floors in a building of their unit, manufacturing HQs often sit in
 * their own plant. Richer and larger buildings draw more tenants. Every building ends with at least
 * three tenants, one of them there since before 2019, so its tax has someone to come from.
 */
export function placeInBuildings(rng: Rng, enterprises: Enterprise[], buildings: Building[]): void {
  const byRegion = new Map<string, Building[]>();
  for (const b of buildings) byRegion.set(b.region, [...(byRegion.get(b.region) ?? []), b]);
  const weight = (b: Building): number => b.floorArea / 10_000 + b.baseTax / 1e7;

  for (const e of enterprises) {
    const local = byRegion.get(e.region) ?? [];
    const p = e.industry === '智能制造' ? 0.25 : 0.68;
    if (local.length > 0 && rng.chance(p))
      e.buildingId = rng.weighted(local.map((b) => [b.id, weight(b)] as const));
  }
  for (const b of buildings) {
    const tenants = (): Enterprise[] => enterprises.filter((e) => e.buildingId === b.id);
    const free = rng.shuffle(enterprises.filter((e) => e.region === b.region && e.buildingId === undefined));
    const old = free.filter((e) => e.registeredOn < day(2019, 1, 1));
    if (!tenants().some((e) => e.registeredOn < day(2019, 1, 1)) && old[0]) old[0].buildingId = b.id;
    for (const e of free) {
      if (tenants().length >= 3) break;
      if (e.buildingId === undefined) e.buildingId = b.id;
    }
  }
  for (const e of enterprises) {
    // Floors in a tower are smaller than a whole HQ building of one's own.
    const area = e.buildingId ? rng.logNormal(1_100, 0.7) : rng.logNormal(2_600, 0.8);
    e.officeArea = Math.round(Math.min(15_000, Math.max(120, area)) * 10) / 10;
  }
}
