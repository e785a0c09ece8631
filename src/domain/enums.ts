/** Enumerations of DOMAIN.md: the only values these columns may hold once imported. */

export const INDUSTRIES = [
  '数字经济',
  '文化创意',
  '生命健康',
  '研发设计',
  '智能制造',
  '商贸物流',
  '金融服务',
  '其他',
] as const;

/** The high-end services 中心城区 is meant to concentrate (policy 四(三), DESIGN belts screen). */
export const CENTRAL_SERVICE_INDUSTRIES = ['数字经济', '文化创意', '生命健康', '研发设计'] as const;

export const HQ_TYPES = ['综合型总部', '区域型总部', '贸易型总部', '功能型总部'] as const;

export const ORIGINS = [
  '温商回归',
  '世界500强',
  '中国500强',
  '行业百强',
  '国内大型企业集团',
  '本土培育',
  '其他',
] as const;

export const CERT_CATEGORIES = ['新引进', '本土'] as const;
export const CERT_STATUSES = ['申请', '县级审核', '预认定', '已认定', '已备案', '驳回'] as const;
/** A certification counts once it is 已认定 or 已备案. */
export const COUNTED_STATUSES = ['已认定', '已备案'] as const;

/** Named taxes outside the first three are folded into 其他. */
export const TAX_TYPES = ['增值税', '企业所得税', '个人所得税', '其他'] as const;

export const BUILDING_KINDS = ['商务楼宇', '产业楼宇', '总部孵化器', '改造厂房'] as const;
export const SUBSIDY_STATES = ['未兑现', '预兑现', '已兑现'] as const;
export const LEAD_STATUSES = ['线索', '接洽', '洽谈', '签约', '落地'] as const;
export const PROJECT_STAGES = ['签约', '注册', '认定', '投产', '销号'] as const;

export const DEFAULT_METRIC = '新引进总部企业';

export type Industry = (typeof INDUSTRIES)[number];
export type TaxType = (typeof TAX_TYPES)[number];
export type ProjectStage = (typeof PROJECT_STAGES)[number];
