/** The sample's world: what every generated file is a view of, so the files agree with each other. */
import type { Industry } from '../../src/domain/enums';
import { UNITS, type Unit } from '../../src/domain/units';
import { day, type Day } from './dates';

/** The sample is "exported" on this day: nothing later appears, 2025 is a part year. */
export const AS_OF: Day = day(2025, 9, 30);
export const LAST_YEAR = 2025;
export const YEARS: readonly number[] = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
/** Months of 2025 with tax data (所属期 202501 … 202509). */
export const LAST_MONTH_2025 = 9;

export interface Building {
  id: string;
  name: string;
  region: string;
  kind: string;
  floorArea: number;
  occupiedArea: number;
  lng: number;
  lat: number;
  platform?: string;
  /** Tax the building's tenants pay in a full 2023, 元; other years follow `growth`. */
  baseTax: number;
  /** Full-year tax of each year relative to 2023, index 0 = 2019. */
  growth: readonly number[];
}

export type CheckFailure =
  'notIndependent' | 'noBranch' | 'notConsolidated' | 'lowOutsideShare' | 'lowPaidIn';

export interface Enterprise {
  code: string;
  name: string;
  region: string;
  registeredOn: Day;
  independent: boolean;
  registeredCapital: number;
  paidInCapital: number;
  industry: Industry;
  hqType: string;
  origin: string;
  wenzhouMerchant: boolean;
  buildingId?: string;
  branchesOutside: number;
  consolidatedTax: boolean;
  officeArea: number;
  /** Intended share of tax from outside operations (drives 是否市外经营 in the tax file). */
  outsideShare: number;
  /** Full-year 2023 tax, 元, before growth: for tenants of a building only a weight. */
  size: number;
  /** Yearly growth rate of tax. */
  growthRate: number;
  /** Certification checks this enterprise is built to fail (empty: built to pass). */
  failures: readonly CheckFailure[];
  /** Small-scale taxpayers file quarterly, which also keeps the tax file small. */
  quarterly: boolean;
  remark?: string;
}

export interface Certification {
  code: string;
  category: '新引进' | '本土';
  status: string;
  region: string;
  appliedOn?: Day;
  certifiedOn?: Day;
  filedOn?: Day;
}

export interface Project {
  id: string;
  name: string;
  region: string;
  code?: string;
  origin: string;
  hqType: string;
  industry: Industry;
  /** 万元 */
  investment: number;
  signedOn: Day;
  registeredOn?: Day;
  certifiedOn?: Day;
  operatingOn?: Day;
  closedOn?: Day;
  manager?: string;
  leader: string;
  taskForce: boolean;
  greenChannel: boolean;
  subsidy?: string;
  /** 万元 */
  subsidyAmount?: number;
}

/** Per-unit shape of the sample: where it is, how much happens there. */
export interface UnitProfile {
  unit: Unit;
  lng: number;
  lat: number;
  /** Relative share of enterprises, new HQ and buildings. */
  weight: number;
  buildings: number;
  /** Manufacturing counties host more 智能制造 HQs; the centre more services. */
  industryMix: 'central' | 'manufacturing' | 'mountain' | 'zone';
  platform?: string;
}

const PROFILE: Record<string, Omit<UnitProfile, 'unit'>> = {
  '330302': {
    lng: 120.65,
    lat: 28.02,
    weight: 14,
    buildings: 14,
    industryMix: 'central',
    platform: '温州中央商务区',
  },
  '330303': {
    lng: 120.81,
    lat: 27.93,
    weight: 9,
    buildings: 7,
    industryMix: 'central',
    platform: '龙湾总部经济园',
  },
  '330304': {
    lng: 120.6,
    lat: 27.97,
    weight: 10,
    buildings: 8,
    industryMix: 'central',
    platform: '瓯海中心区',
  },
  '330305': { lng: 121.15, lat: 27.84, weight: 3, buildings: 2, industryMix: 'mountain' },
  '330324': { lng: 120.69, lat: 28.15, weight: 6, buildings: 3, industryMix: 'manufacturing' },
  '330326': { lng: 120.56, lat: 27.66, weight: 6, buildings: 3, industryMix: 'manufacturing' },
  '330327': { lng: 120.43, lat: 27.52, weight: 5, buildings: 3, industryMix: 'manufacturing' },
  '330328': { lng: 120.09, lat: 27.79, weight: 2, buildings: 1, industryMix: 'mountain' },
  '330329': { lng: 119.72, lat: 27.56, weight: 2, buildings: 1, industryMix: 'mountain' },
  '330381': {
    lng: 120.65,
    lat: 27.78,
    weight: 12,
    buildings: 6,
    industryMix: 'manufacturing',
    platform: '瑞安经济开发区',
  },
  '330382': {
    lng: 120.98,
    lat: 28.12,
    weight: 13,
    buildings: 6,
    industryMix: 'manufacturing',
    platform: '乐清经济开发区',
  },
  '330383': { lng: 120.55, lat: 27.58, weight: 5, buildings: 3, industryMix: 'manufacturing' },
  // The zones lie inside 龙湾; their own centres keep their buildings apart on the map.
  ZN01: { lng: 120.86, lat: 27.9, weight: 6, buildings: 4, industryMix: 'zone', platform: '温州湾新区' },
  ZN02: { lng: 120.92, lat: 27.96, weight: 3, buildings: 2, industryMix: 'zone', platform: '瓯江口新区' },
  ZN03: { lng: 120.73, lat: 27.98, weight: 6, buildings: 3, industryMix: 'zone', platform: '浙南科技城' },
};

export const UNIT_PROFILES: readonly UnitProfile[] = UNITS.map((unit) => {
  const profile = PROFILE[unit.code];
  if (!profile) throw new Error(`no sample profile for unit ${unit.code}`);
  return { unit, ...profile };
});

export function profileOf(code: string): UnitProfile {
  const profile = UNIT_PROFILES.find((p) => p.unit.code === code);
  if (!profile) throw new Error(`unknown unit ${code}`);
  return profile;
}

export interface World {
  buildings: Building[];
  enterprises: Enterprise[];
  certifications: Certification[];
  projects: Project[];
}
