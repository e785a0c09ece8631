/**
 * Figures 6 and 7 of DOMAIN.md: the certification check of every enterprise that has a
 * certification row, against the rules of its own unit, and unit-area output.
 */
import { taxThrough } from '../rollups';
import { joinSql, sql, type Db } from '../../db';
import {
  OFFICE_SCOPE_COUNTIES,
  ruleFor,
  UNIT_AREA_OUTPUT_THRESHOLD,
  type CertificationRules,
  type OfficeScope,
} from '../defaults';
import { UNITS } from '../units';
import { COUNTED, endOfYear } from './common';
import { attributesMatch, enterpriseMatches, unitMatches, type Filters } from '../filters';
import { periodOf, type AsOfParams } from './period';

/** Why an enterprise fails, in the order of the policy's conditions 三(一)1–3. */
export type FailReason =
  | 'registered_in_wenzhou'
  | 'independent_legal_person'
  | 'branches_or_consolidated'
  | 'outside_share'
  | 'paid_in_capital';

export const FAIL_REASON_TEXT: Record<FailReason, string> = {
  registered_in_wenzhou: '企业名录中无此企业，无法确认在温注册',
  independent_legal_person: '不具有独立法人资格',
  branches_or_consolidated: '市外无分支机构或未在温汇总缴纳企业所得税和增值税',
  outside_share: '市外经营税收占比低于属地要求',
  paid_in_capital: '实缴注册资本低于属地要求',
};

export interface CertificationCheck {
  creditCode: string;
  name: string | null;
  region: string;
  outsideShare: number;
  paidInCapital: number | null;
  minOutsideShare: number;
  minPaidInCapital: number;
  passed: boolean;
  reasons: FailReason[];
}

interface Facts {
  creditCode: string;
  name: string | null;
  region: string;
  known: boolean;
  independent: boolean | null;
  branches: number | null;
  consolidated: boolean | null;
  paidInCapital: number | null;
  total: number | null;
  outsideTax: number | null;
}

export interface ChecksParams extends AsOfParams {
  rules?: CertificationRules;
  filters?: Filters;
}

/**
 * Every enterprise with a certification row by D, judged on its tax of Y up to D's month. A row is
 * there by D when its first date (applied, certified or filed) is on or before min(D, end of Y), or
 * when it carries no date at all (it cannot be placed in time, so it is kept). With filters, only
 * enterprises whose 属地 (the region the check reports) is the chosen unit and whose directory entry
 * has the chosen attributes; without filters, exactly the report's list.
 */
export async function certificationChecks(db: Db, params: ChecksParams): Promise<CertificationCheck[]> {
  const { rules, filters } = params;
  const p = await periodOf(db, params);
  const facts = await db.query<Facts>(sql`
    WITH candidates AS (
      SELECT credit_code, min(region) AS cert_region FROM certifications
      WHERE coalesce(least(applied_on, certified_on, filed_on) <= ${p.at}::DATE, TRUE)
      GROUP BY 1),
    year_tax AS (SELECT credit_code, amount AS total, outside_amount AS outside_tax FROM (${taxThrough(p)}))
    SELECT c.credit_code AS "creditCode", e.name, coalesce(e.region, c.cert_region) AS region,
      e.credit_code IS NOT NULL AS known, e.independent_legal_person AS independent,
      e.branches_outside AS branches, e.consolidated_tax AS consolidated,
      e.paid_in_capital AS "paidInCapital", t.total, t.outside_tax AS "outsideTax"
    FROM candidates AS c LEFT JOIN enterprises AS e USING (credit_code) LEFT JOIN year_tax AS t USING (credit_code)
    WHERE ${unitMatches(filters, sql`coalesce(e.region, c.cert_region)`)}
      AND ${enterpriseMatches(filters, sql`c.credit_code`)}
    ORDER BY c.credit_code`);
  return facts.map((f) => judge(f, rules));
}

function judge(f: Facts, rules: CertificationRules | undefined): CertificationCheck {
  const rule = ruleFor(rules, f.region);
  // A total tax of zero or less gives a share of 0 (DOMAIN.md 7).
  const outsideShare = f.total !== null && f.total > 0 ? (f.outsideTax ?? 0) / f.total : 0;
  const reasons: FailReason[] = [];
  if (!f.known) reasons.push('registered_in_wenzhou');
  else if (f.independent !== true) reasons.push('independent_legal_person');
  if (!((f.branches ?? 0) >= 1 && f.consolidated === true)) reasons.push('branches_or_consolidated');
  if (outsideShare < rule.minOutsideShare) reasons.push('outside_share');
  if (f.paidInCapital === null || f.paidInCapital < rule.minPaidInCapital) reasons.push('paid_in_capital');
  return {
    creditCode: f.creditCode,
    name: f.name,
    region: f.region,
    outsideShare,
    paidInCapital: f.paidInCapital,
    minOutsideShare: rule.minOutsideShare,
    minPaidInCapital: rule.minPaidInCapital,
    passed: reasons.length === 0,
    reasons,
  };
}

export interface UnitAreaOutput {
  creditCode: string;
  name: string;
  region: string;
  /** 万元. */
  output: number;
  officeArea: number;
  /** 元/㎡. */
  perSqm: number;
  meets: boolean;
  /**
   * In the office-subsidy scope (DOMAIN.md 14): a counted 新引进 certification by the end of Y in 市区
   * or a platform — or any enterprise when the scope is `all`. Outside it the check is 不适用.
   */
  applies: boolean;
}

/**
 * annual.output × 10,000 ÷ office_area for Y, for enterprises with both figures; with filters, only
 * enterprises of the chosen unit and attributes.
 */
export async function unitAreaOutputs(
  db: Db,
  { year, filters, scope = 'policy' }: { year: number; filters?: Filters; scope?: OfficeScope },
): Promise<UnitAreaOutput[]> {
  const platforms = UNITS.filter((u) => u.kind === 'zone').map((u) => u.code);
  const inScope = joinSql([...OFFICE_SCOPE_COUNTIES, ...platforms].map((code) => sql`${code}`));
  const rows = await db.query<Omit<UnitAreaOutput, 'meets'>>(sql`
    SELECT e.credit_code AS "creditCode", e.name, e.region, a.output, e.office_area AS "officeArea",
      a.output * 10000 / e.office_area AS "perSqm",
      ${
        scope === 'all'
          ? sql`TRUE`
          : sql`EXISTS (SELECT 1 FROM certifications AS c
        WHERE c.credit_code = e.credit_code AND c.category = '新引进' AND ${COUNTED}
          AND c.certified_on <= ${endOfYear(year)} AND c.region IN (${inScope}))`
      } AS applies
    FROM annual AS a JOIN enterprises AS e USING (credit_code)
    WHERE a.year = ${year} AND e.office_area > 0 AND a.output IS NOT NULL
      AND ${unitMatches(filters, sql`e.region`)} AND ${attributesMatch(filters, 'e')}
    ORDER BY "perSqm" DESC, e.credit_code`);
  return rows.map((r) => ({ ...r, meets: r.perSqm >= UNIT_AREA_OUTPUT_THRESHOLD }));
}
