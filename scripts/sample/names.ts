/**
 * Made-up Chinese names for enterprises, buildings, people and out-of-town merchants' firms. The
 * syllables are Wenzhou-flavoured (瓯, 鹿, 雁, 楠溪 …) but combined at random, so no name is meant to
 * be a real company. Every character is in GBK, since two of the files are GBK-encoded.
 */
import type { Industry } from '../../src/domain/enums';
import type { Rng } from './rng';

const BRAND_FIRST = [
  '瓯',
  '鹿',
  '雁',
  '楠',
  '飞',
  '玉',
  '江',
  '华',
  '东',
  '南',
  '海',
  '嘉',
  '瑞',
  '乐',
  '泰',
  '恒',
  '宏',
  '通',
  '信',
  '诚',
  '合',
  '正',
  '德',
  '中',
  '天',
  '金',
  '银',
  '新',
  '永',
  '安',
  '平',
  '龙',
];
const BRAND_SECOND = [
  '越',
  '城',
  '荡',
  '溪',
  '云',
  '苍',
  '心',
  '盟',
  '升',
  '港',
  '川',
  '泽',
  '丰',
  '达',
  '远',
  '源',
  '鼎',
  '创',
  '博',
  '联',
  '晟',
  '禾',
  '瑞',
  '晖',
  '宸',
  '屿',
  '湾',
  '帆',
  '驰',
  '锦',
  '邦',
  '汇',
];

const INDUSTRY_WORDS: Record<Industry, readonly string[]> = {
  数字经济: ['数字科技', '网络科技', '信息技术', '智能科技', '数据服务', '软件'],
  文化创意: ['文化传媒', '文化创意', '影视文化', '创意设计', '数字文化'],
  生命健康: ['医疗科技', '生物科技', '医药', '健康产业', '医疗器械'],
  研发设计: ['工业设计', '研发中心', '检测技术', '工程设计', '技术研究院'],
  智能制造: ['电气', '智能装备', '机电', '汽车部件', '阀门', '鞋业', '服饰'],
  商贸物流: ['供应链', '国际贸易', '物流', '商贸', '进出口'],
  金融服务: ['投资', '资产管理', '金融服务', '融资租赁', '股权投资'],
  其他: ['实业', '控股', '建设', '置业', '能源'],
};

const COMPANY_SUFFIXES: readonly (readonly [string, number])[] = [
  ['有限公司', 6],
  ['集团有限公司', 3],
  ['股份有限公司', 1],
  ['控股集团有限公司', 1],
];

export class NameBook {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** A name not handed out before: retries with a fresh draw, then numbers the duplicate. */
  private unique(make: () => string): string {
    for (let i = 0; i < 50; i++) {
      const name = make();
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    let n = 2;
    const base = make();
    while (this.used.has(`${base}（${n}）`)) n++;
    const name = `${base}（${n}）`;
    this.used.add(name);
    return name;
  }

  brand(): string {
    return this.rng.pick(BRAND_FIRST) + this.rng.pick(BRAND_SECOND);
  }

  /** 温州瓯越数字科技有限公司; a non-independent unit is a branch: …有限公司温州分公司. */
  enterprise(industry: Industry, options: { place: string; branch?: boolean }): string {
    return this.unique(() => {
      const word = this.rng.pick(INDUSTRY_WORDS[industry]);
      if (options.branch) {
        const parent = this.rng.pick(['上海', '杭州', '深圳', '北京', '宁波', '南京']);
        return `${parent}${this.brand()}${word}有限公司温州分公司`;
      }
      return `${options.place}${this.brand()}${word}${this.rng.weighted(COMPANY_SUFFIXES)}`;
    });
  }

  /** A firm of Wenzhou merchants elsewhere: 上海鹿升供应链集团有限公司. */
  leadCompany(city: string, industry: Industry): string {
    return this.unique(() => {
      const place = city.replace(/市$/, '');
      return `${place}${this.brand()}${this.rng.pick(INDUSTRY_WORDS[industry])}${this.rng.weighted(COMPANY_SUFFIXES)}`;
    });
  }

  building(place: string, kind: string): string {
    const byKind: Record<string, readonly string[]> = {
      商务楼宇: ['国际大厦', '金融中心', '商务广场', '总部大厦', '财富中心', '世贸中心', '置业广场'],
      产业楼宇: ['产业大厦', '科创中心', '智造大厦', '数字产业园', '软件园'],
      总部孵化器: ['总部孵化中心', '创业园', '众创空间', '人才创业园'],
      改造厂房: ['文创园', '创意园', '时尚产业园', '1958创意园'],
    };
    return this.unique(() => `${place}${this.brand()}${this.rng.pick(byKind[kind] ?? ['大厦'])}`);
  }

  project(brand: string, industry: Industry): string {
    return this.unique(() => `${brand}${this.rng.pick(INDUSTRY_WORDS[industry])}总部项目`);
  }
}

const SURNAMES = [
  '陈',
  '王',
  '林',
  '张',
  '李',
  '黄',
  '周',
  '吴',
  '郑',
  '潘',
  '徐',
  '金',
  '叶',
  '胡',
  '朱',
  '杨',
];
const GIVEN = [
  '建国',
  '海峰',
  '晓东',
  '丽娟',
  '志强',
  '文斌',
  '伟',
  '敏',
  '静',
  '涛',
  '俊',
  '燕',
  '斌',
  '磊',
  '洁',
  '超',
  '慧',
  '勇',
];

export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}
