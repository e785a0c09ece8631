/**
 * Unit tests of the value rules the importer applies: the JavaScript normalisers (normalise.ts),
 * the SQL number parser (valueSql.ts, run in the real DuckDB-Wasm engine), header splitting and
 * mapping (headers.ts) and the 统一社会信用代码 check (creditCode.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '../src/db';
import { openNodeDb } from '../src/db/node';
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  isValidCreditCode,
  normaliseCreditCode,
} from '../src/domain/creditCode';
import { HQ_TYPES, INDUSTRIES } from '../src/domain/enums';
import { tableByName, type TableName } from '../src/domain/schema';
import { mapHeaders, recogniseTable, splitHeader, type HeaderCell } from '../src/ingest/headers';
import {
  normaliseBoolean,
  normaliseCode,
  normaliseDate,
  normaliseEnum,
  normaliseMonth,
  normaliseTaxType,
  normaliseUnit,
  normaliseUnitOrCity,
  normaliseYear,
  normaliseYearOrWindow,
  type Normalised,
} from '../src/ingest/normalise';
import { ensureValueMacros } from '../src/ingest/valueSql';

/** A case is [input, expected canonical value] or [input, { reason: part of the Chinese reason }]. */
type Case = readonly [input: string, expected: string | { reason: string }];

function expectNormalised(result: Normalised, expected: Case[1]) {
  if (typeof expected === 'string') {
    expect(result).toEqual({ value: expected });
  } else {
    expect('reason' in result, `expected a rejection, got ${JSON.stringify(result)}`).toBe(true);
    if ('reason' in result) expect(result.reason).toContain(expected.reason);
  }
}

describe('normaliseDate', () => {
  const cases: Case[] = [
    ['2023-03-05', '2023-03-05'],
    ['2023/3/5', '2023-03-05'],
    ['2023.3.5', '2023-03-05'],
    ['20230305', '2023-03-05'],
    ['2023年3月5日', '2023-03-05'],
    ['2023 年 3 月 5 日', '2023-03-05'],
    ['２０２３－０３－０５', '2023-03-05'], // full-width digits and dash
    ['  2023-03-05  ', '2023-03-05'],
    ['2023-03-05 14:30', '2023-03-05'],
    ['2023/3/5 14:30:00', '2023-03-05'],
    ['2024-02-29', '2024-02-29'], // leap day
    // Excel serials (day 0 = 1899-12-30), as XLSX cells arrive
    ['44986', '2023-03-01'],
    ['45000.5', '2023-03-15'], // a date-time serial keeps the day
    ['43845', '2020-01-15'],
    ['36526', '2000-01-01'],
    // invalid
    ['2023-02-30', { reason: '日期不存在' }],
    ['2023-02-29', { reason: '日期不存在' }], // not a leap year
    ['2023-13-01', { reason: '日期不存在' }],
    ['2023-00-10', { reason: '日期不存在' }],
    ['20231301', { reason: '日期不存在' }],
    ['1850-01-01', { reason: '日期不存在' }], // outside 1900–2100
    ['2023', { reason: '无法识别的日期' }], // a year is not Excel day 2023 (1905-07-15)
    ['0', { reason: '无法识别的日期' }],
    ['999999', { reason: '无法识别的日期' }],
    ['三月五日', { reason: '无法识别的日期' }],
    ['2023-03', { reason: '无法识别的日期' }],
    ['abc', { reason: '无法识别的日期' }],
    ['', { reason: '无法识别的日期' }],
  ];
  it.each(cases)('%j → %j', (input, expected) => expectNormalised(normaliseDate(input), expected));
});

describe('normaliseMonth', () => {
  const cases: Case[] = [
    ['2023-03', '2023-03-01'],
    ['2023-3', '2023-03-01'],
    ['202303', '2023-03-01'],
    ['2023/3', '2023-03-01'],
    ['2023.03', '2023-03-01'],
    ['2023年3月', '2023-03-01'],
    ['2023年03月', '2023-03-01'],
    ['２０２３年３月', '2023-03-01'],
    ['2023-03-17', '2023-03-01'], // a full date gives its month
    ['20230317', '2023-03-01'],
    ['44986', '2023-03-01'], // Excel serial
    ['2023-13', { reason: '月份不存在' }],
    ['202300', { reason: '月份不存在' }],
    ['2023-02-30', { reason: '无法识别的月份' }],
    ['2023', { reason: '无法识别的月份' }],
    ['上月', { reason: '无法识别的月份' }],
    ['', { reason: '无法识别的月份' }],
  ];
  it.each(cases)('%j → %j', (input, expected) => expectNormalised(normaliseMonth(input), expected));
});

describe('normaliseBoolean', () => {
  const truthy = [
    '是',
    'Y',
    'y',
    'YES',
    'yes',
    '1',
    'true',
    'TRUE',
    'True',
    'T',
    '√',
    '✓',
    '✔',
    '有',
    ' 是 ',
    'Ｙ',
  ];
  const falsy = ['否', 'N', 'n', 'NO', 'no', '0', 'false', 'FALSE', 'F', '×', '✗', '✘', 'X', 'x', '无'];
  const invalid = ['也许', '2', '是的吧', '-', ''];
  it.each(truthy)('%j → true', (input) => expectNormalised(normaliseBoolean(input), 'true'));
  it.each(falsy)('%j → false', (input) => expectNormalised(normaliseBoolean(input), 'false'));
  it.each(invalid)('%j is rejected', (input) =>
    expectNormalised(normaliseBoolean(input), { reason: '无法识别的是/否值' }),
  );
});

describe('normaliseYear and normaliseYearOrWindow', () => {
  const years: Case[] = [
    ['2023', '2023'],
    ['2023年', '2023'],
    ['2023年度', '2023'],
    [' ２０２３ ', '2023'],
    ['1990', '1990'],
    ['1989', { reason: '无法识别的年度' }],
    ['2101', { reason: '无法识别的年度' }],
    ['23', { reason: '无法识别的年度' }],
    ['2023.5', { reason: '无法识别的年度' }],
    ['二〇二三', { reason: '无法识别的年度' }],
  ];
  it.each(years)('year %j → %j', (input, expected) => expectNormalised(normaliseYear(input), expected));

  const windows: Case[] = [
    ['2023', '2023'],
    ['2019-2023', '2019-2023'],
    ['2019—2023', '2019-2023'],
    ['2019–2023', '2019-2023'],
    ['2019~2023', '2019-2023'],
    ['2019至2023年', '2019-2023'],
    ['2019年到2023年', '2019-2023'],
    ['2019 - 2023', '2019-2023'],
    ['2019年-2023年度', '2019-2023'],
    ['2023-2019', { reason: '无法识别的年度区间' }],
    ['2023-2023', { reason: '无法识别的年度区间' }],
    ['1980-2023', { reason: '无法识别的年度区间' }],
    ['十四五', { reason: '无法识别的年度' }],
  ];
  it.each(windows)('window %j → %j', (input, expected) =>
    expectNormalised(normaliseYearOrWindow(input), expected),
  );
});

describe('normaliseUnit and normaliseUnitOrCity', () => {
  const units: Case[] = [
    // by name, short name, code
    ['鹿城区', '330302'],
    ['鹿城', '330302'],
    ['330302', '330302'],
    ['龙港市', '330383'],
    ['龙港', '330383'],
    ['乐清市', '330382'],
    ['330381', '330381'],
    ['永嘉县', '330324'],
    // with the city prefix and stray spaces
    ['温州市瓯海区', '330304'],
    [' 瓯 海 区 ', '330304'],
    // functional zones by name, short name, code and aliases (older and newer names)
    ['浙南产业集聚区', 'ZN01'],
    ['浙南集聚区', 'ZN01'],
    ['ZN01', 'ZN01'],
    ['温州经开区', 'ZN01'],
    ['经开区', 'ZN01'],
    ['温州湾新区', 'ZN01'],
    ['瓯江口产业集聚区', 'ZN02'],
    ['瓯江口新区', 'ZN02'],
    ['浙南科技城', 'ZN03'],
    ['温州高新区', 'ZN03'],
    ['高新区', 'ZN03'],
    // unknown
    ['火星区', { reason: '未知属地' }],
    ['杭州市', { reason: '未知属地' }],
    ['330300', { reason: '未知属地' }], // the city's code is not a unit
    ['330102', { reason: '未知属地' }],
    ['全市', { reason: '未知属地' }],
    ['', { reason: '未知属地' }],
  ];
  it.each(units)('unit %j → %j', (input, expected) => expectNormalised(normaliseUnit(input), expected));

  const unitsOrCity: Case[] = [
    ['全市', '全市'],
    ['温州市', '全市'],
    ['温州', '全市'],
    [' 全市 ', '全市'],
    ['鹿城', '330302'],
    ['浙江省', { reason: '未知属地' }],
  ];
  it.each(unitsOrCity)('unit or city %j → %j', (input, expected) =>
    expectNormalised(normaliseUnitOrCity(input), expected),
  );
});

describe('normaliseEnum', () => {
  const cases: [values: readonly string[], input: string, expected: Case[1]][] = [
    [INDUSTRIES, '数字经济', '数字经济'],
    [INDUSTRIES, ' 数字 经济 ', '数字经济'],
    [INDUSTRIES, '其他', '其他'],
    [INDUSTRIES, '外星产业', { reason: '不在可选值中' }],
    [INDUSTRIES, '数字', { reason: '数字经济、文化创意' }], // the reason lists the allowed values
    [HQ_TYPES, '综合型总部', '综合型总部'],
    [HQ_TYPES, '综合型', { reason: '不在可选值中' }],
  ];
  it.each(cases)('%j: %j → %j', (values, input, expected) =>
    expectNormalised(normaliseEnum(input, values), expected),
  );
});

describe('normaliseTaxType', () => {
  const cases: Case[] = [
    ['增值税', '增值税'],
    ['企业所得税', '企业所得税'],
    ['个人所得税', '个人所得税'],
    ['其他', '其他'],
    [' 增值 税 ', '增值税'],
    // other named taxes, fees and funds count as 其他
    ['房产税', '其他'],
    ['印花税', '其他'],
    ['城市维护建设税', '其他'],
    ['教育费附加', '其他'],
    ['水利建设专项基金', '其他'],
    ['营业外收入', { reason: '无法识别的税种' }],
    ['消费', '其他'], // anything naming a 费 counts as 其他
    ['VAT', { reason: '无法识别的税种' }],
  ];
  it.each(cases)('%j → %j', (input, expected) => expectNormalised(normaliseTaxType(input), expected));
});

describe('统一社会信用代码 (creditCode.ts and normaliseCode)', () => {
  const real = ['91330100716105852F', '913303044CL12TH35G', '91330383JJC171HU5J'];

  it.each(real)('%s is valid and its check character is recomputed', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
    expectNormalised(normaliseCode(code), code);
  });

  it('the fixture codes are valid', async () => {
    const { CODE } = await import('./fixtures/importer/codes');
    for (const code of Object.values(CODE)) expect(isValidCreditCode(code), code).toBe(true);
  });

  it('every single-character change of a valid code is caught', () => {
    const code = '91330100716105852F';
    let tried = 0;
    for (let i = 0; i < 18; i++) {
      for (const c of CREDIT_CODE_ALPHABET) {
        if (c === code[i]) continue;
        const changed = code.slice(0, i) + c + code.slice(i + 1);
        expect(isValidCreditCode(changed), changed).toBe(false);
        tried++;
      }
    }
    expect(tried).toBe(18 * 30);
  });

  const normalised: Case[] = [
    ['91330100716105852f', '91330100716105852F'], // lower case
    [' 91330100716105852F ', '91330100716105852F'], // spaces
    ['9133 0100 7161 0585 2F', '91330100716105852F'],
    ['９１３３０１００７１６１０５８５２Ｆ', '91330100716105852F'], // full width
    ['９１３３０３０４４ｃｌ１２ｔｈ３５ｇ', '913303044CL12TH35G'], // full-width lower case
  ];
  it.each(normalised)('normaliseCreditCode(%j) → %j', (input, expected) => {
    expect(normaliseCreditCode(input)).toBe(expected);
    expectNormalised(normaliseCode(input), expected);
  });

  const rejected: Case[] = [
    ['91330100716105853F', { reason: '校验位错误' }], // 17th character changed
    ['91330100716105852G', { reason: '校验位错误' }], // check character changed
    ['913303044CL12TH35F', { reason: '校验位错误' }],
    ['9133010071610585', { reason: '应为18位' }], // 16 characters
    ['91330100716105852F0', { reason: '应为18位' }], // 19 characters
    ['91330100-716105852', { reason: '应为18位' }],
    ['330100716105852', { reason: '应为18位' }], // an old 15-digit registration number
    ['', { reason: '应为18位' }],
    // letters outside the alphabet (I, O, S, V, Z) can never be valid
    ['91330100716I05852F', { reason: '统一社会信用代码' }],
    ['913301007161O5852F', { reason: '统一社会信用代码' }],
    ['91330100716S05852F', { reason: '统一社会信用代码' }],
    ['91330100716V05852F', { reason: '统一社会信用代码' }],
    ['91330100716Z05852F', { reason: '统一社会信用代码' }],
  ];
  it.each(rejected)('%j is rejected (%j)', (input, expected) => {
    expect(isValidCreditCode(normaliseCreditCode(input))).toBe(false);
    expectNormalised(normaliseCode(input), expected);
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('letter %s is not in the alphabet', (letter) => {
    expect(CREDIT_CODE_ALPHABET).not.toContain(letter);
    expect(creditCodeCheckChar(`9133010071610585${letter}`)).toBeUndefined();
  });
});

describe('headers: splitHeader', () => {
  const cases: [header: string, base: string, unit: string | undefined][] = [
    ['税额', '税额', undefined],
    ['税额（万元）', '税额', '万元'],
    ['税额(万元)', '税额', '万元'],
    ['税额 （ 万元 ）', '税额', '万元'],
    ['计划投资（亿元）', '计划投资', '亿元'],
    ['计划投资(亿元)', '计划投资', '亿元'],
    ['注册资本【万元】', '注册资本', '万元'],
    ['税额（元）', '税额', '元'],
    ['办公面积（平方米）', '办公面积', '平方米'],
    ['办公面积（㎡）', '办公面积', 'm2'], // NFKC folds ㎡ to m2, a known area unit
    ['办公面积(m2)', '办公面积', 'm2'],
    ['\uFEFF统一社会信用代码', '统一社会信用代码', undefined], // a BOM on the first header
    ['企业名称（全称）', '企业名称', undefined], // a bracket that is not a unit is dropped
    ['统 一 社 会 信 用 代 码', '统一社会信用代码', undefined],
  ];
  it.each(cases)('%j → base %j, unit %j', (header, base, unit) => {
    const split = splitHeader(header);
    expect(split.base).toBe(base);
    expect(split.unit).toBe(unit);
  });
});

describe('headers: mapHeaders unit factors', () => {
  const cells = (...texts: string[]): HeaderCell[] => texts.map((text, index) => ({ index, text }));
  const cases: [table: TableName, header: string, column: string, factor: number][] = [
    ['tax', '税额', 'amount', 1],
    ['tax', '税额（元）', 'amount', 1],
    ['tax', '税额（万元）', 'amount', 1e4], // 元 column given in 万元
    ['tax', '实缴税额(亿元)', 'amount', 1e8],
    ['tax', '地方留成（万元）', 'local_amount', 1e4],
    ['projects', '计划投资（亿元）', 'investment', 1e4], // 万元 column given in 亿元
    ['projects', '计划投资（万元）', 'investment', 1],
    ['projects', '投资额（元）', 'investment', 1e-4],
    ['enterprises', '注册资本（万元）', 'registered_capital', 1],
    ['enterprises', '注册资本（亿元）', 'registered_capital', 1e4],
    ['enterprises', '办公面积（平方米）', 'office_area', 1],
    ['enterprises', '办公面积（㎡）', 'office_area', 1],
    ['buildings', '建筑面积（万平方米）', 'floor_area', 1e4],
    ['leads', '营业收入（亿元）', 'revenue', 1],
    ['leads', '营业收入（万元）', 'revenue', 1e-4],
    ['tax', '税额（㎡）', 'amount', 1], // a unit of the wrong kind is ignored
  ];
  it.each(cases)('%s: %j → %s ×%d', (table, header, column, factor) => {
    const mapping = mapHeaders(tableByName(table), cells(header));
    const mapped = mapping.columns.find((c) => c.column.name === column);
    expect(mapped, `${header} should map to ${column}`).toBeDefined();
    expect(mapped?.factor).toBeCloseTo(factor, 10);
  });

  it('keeps unknown headers as extras and lists missing required columns', () => {
    const mapping = mapHeaders(tableByName('tax'), cells('序号', '统一社会信用代码', '所属期', '备注', ''));
    expect(mapping.extras.map((e) => e.text)).toEqual(['序号', '备注']);
    expect(mapping.missing.map((c) => c.name)).toEqual(['tax_type', 'amount']);
  });

  it('accepts canonical snake_case names and the alternative Chinese headers', () => {
    const mapping = mapHeaders(
      tableByName('tax'),
      cells('纳税人识别号', '税款所属期', 'tax_type', '入库税额'),
    );
    expect(mapping.columns.map((c) => c.column.name)).toEqual([
      'credit_code',
      'period',
      'tax_type',
      'amount',
    ]);
    expect(mapping.missing).toEqual([]);
  });

  const recognised: [headers: string[], table: TableName | undefined][] = [
    [['统一社会信用代码', '所属期', '税种', '税额'], 'tax'],
    [['统一社会信用代码', '企业名称', '属地'], 'enterprises'],
    [['统一社会信用代码', '认定类别', '认定状态', '认定地'], 'certifications'],
    [['楼宇编号', '楼宇名称', '所在县市区', '建筑面积（㎡）'], 'buildings'],
    [['项目编号', '项目名称', '属地', '签约日期'], 'projects'],
    [['年度', '属地', '目标值'], 'targets'],
    [['统一社会信用代码', '年度', '总产出'], 'annual'],
    [['企业名称', '所在省份', '所在城市'], 'leads'],
    [['2023年温州市总部企业名单'], undefined],
    [['甲', '乙', '丙'], undefined],
  ];
  it.each(recognised)('%j is recognised as %s', (headers, table) => {
    expect(recogniseTable(cells(...headers))?.table.name).toBe(table);
  });
});

describe('hq_number (SQL number parser, real engine)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
    await ensureValueMacros(db);
  });
  afterAll(async () => {
    await db.close();
  });

  const cases: [input: string | null, expected: number | null][] = [
    ['1234.56', 1234.56],
    ['1,234.56', 1234.56],
    ['1，234.56', 1234.56], // full-width comma
    ['¥1234.56', 1234.56],
    ['￥1,234.56', 1234.56],
    ['(1,234.56)', -1234.56], // accounting negative
    ['(200)', -200],
    ['-1234.56', -1234.56],
    ['  12 ', 12],
    ['0', 0],
    ['.5', 0.5],
    ['1e5', 100000],
    ['1.5E-3', 0.0015],
    ['12 345', 12345],
    ['abc', null],
    ['nan', null],
    ['NaN', null],
    ['inf', null],
    ['-inf', null],
    ['Infinity', null],
    ['', null],
    ['1.2.3', null],
    ['12abc', null],
    ['--5', null],
    ['(-5)', null],
    ['1,234.56元', null], // a unit inside the cell is not guessed
    [null, null],
  ];
  it.each(cases)('hq_number(%j) = %j', async (input, expected) => {
    const [row] = await db.query<{ n: number | null }>(sql`SELECT hq_number(CAST(${input} AS VARCHAR)) AS n`);
    if (expected === null) expect(row?.n).toBeNull();
    else expect(row?.n).toBeCloseTo(expected, 9);
  });
});
