/** How the exports spell units, booleans and credit codes: the same value several ways. */
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../../src/domain/creditCode';
import { unitByCode } from '../../src/domain/units';
import type { Rng } from './rng';

export interface RegionMix {
  name: number;
  short: number;
  code: number;
  /** Older or newer names of zones (温州经开区, 温州湾新区, 高新区 …); counties have none. */
  alias?: number;
}

/** A unit written as its name, short name, code or alias, drawn with the given weights. */
export function spellRegion(rng: Rng, code: string, mix: RegionMix): string {
  const unit = unitByCode(code);
  if (!unit) throw new Error(`unknown unit ${code}`);
  const form = rng.weighted<keyof RegionMix>([
    ['name', mix.name],
    ['short', mix.short],
    ['code', mix.code],
    ['alias', unit.aliases.length > 0 ? (mix.alias ?? 0) : 0],
  ]);
  switch (form) {
    case 'name':
      return unit.name;
    case 'short':
      return unit.short;
    case 'code':
      return unit.code;
    case 'alias':
      return rng.pick(unit.aliases);
  }
}

const BOOLEAN_FORMS: readonly (readonly [[string, string], number])[] = [
  [['是', '否'], 7],
  [['√', '×'], 1.5],
  [['Y', 'N'], 1],
  [['1', '0'], 0.5],
];

/** 是/否 mostly; hand-kept ledgers also use √/×, Y/N and 1/0. */
export function spellBoolean(rng: Rng, value: boolean): string {
  const [yes, no] = rng.weighted(BOOLEAN_FORMS);
  return value ? yes : no;
}

/**
 * Unique valid 统一社会信用代码: 9 (registered by market supervision) 1 (enterprise), the 6-digit
 * division code of the unit, a 9-character organisation code, the GB 32100 check character.
 */
export class CodeBook {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  next(division: string): string {
    for (;;) {
      let org = '';
      for (let i = 0; i < 9; i++) org += this.rng.pick([...CREDIT_CODE_ALPHABET]);
      const first17 = `91${division}${org}`;
      const code = first17 + creditCodeCheckChar(first17);
      if (!this.used.has(code)) {
        this.used.add(code);
        return code;
      }
    }
  }
}

/** The same code with a wrong check character: a deliberate bad row. */
export function breakCheckChar(code: string): string {
  const right = code[17] ?? '0';
  const wrong = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(right) + 7) % CREDIT_CODE_ALPHABET.length];
  return code.slice(0, 17) + wrong;
}
