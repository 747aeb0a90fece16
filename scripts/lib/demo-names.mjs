// Plausible names for the synthetic compounds (示例数据). Unit names follow how Fenyang's pre-2000
// housing is commonly known: by the work unit that built it (单位家属院/宿舍) or by its neighbourhood.

/** [compound name, original property unit (原产权单位)] for work-unit housing. */
export const UNIT_COMPOUNDS = Object.freeze([
  ['粮食局家属院', '汾阳市粮食局'],
  ['纺织厂宿舍', '汾阳市纺织厂'],
  ['供销社家属院', '汾阳市供销合作社'],
  ['电业局家属院', '国网汾阳市供电公司'],
  ['邮电局家属院', '汾阳市邮政局'],
  ['二轻局宿舍', '汾阳市二轻工业局'],
  ['水泥厂宿舍', '汾阳市水泥厂'],
  ['化肥厂宿舍', '汾阳市化肥厂'],
  ['农机厂宿舍', '汾阳市农机修造厂'],
  ['建行家属院', '中国建设银行汾阳支行'],
  ['工行宿舍', '中国工商银行汾阳支行'],
  ['税务局家属院', '国家税务总局汾阳市税务局'],
  ['公安局家属院', '汾阳市公安局'],
  ['教育局家属院', '汾阳市教育局'],
  ['汾阳中学教师宿舍', '山西省汾阳中学'],
  ['物资局宿舍', '汾阳市物资局'],
  ['交通局家属院', '汾阳市交通运输局'],
  ['烟草公司家属院', '汾阳市烟草专卖局'],
  ['自来水公司宿舍', '汾阳市自来水公司'],
  ['机械厂宿舍', '汾阳市机械厂'],
  ['棉麻公司宿舍', '汾阳市棉麻公司'],
  ['人民银行宿舍', '中国人民银行汾阳市支行'],
  ['林业局家属院', '汾阳市林业局'],
  ['财政局家属院', '汾阳市财政局'],
  ['卫生局家属院', '汾阳市卫生健康局'],
  ['汾酒厂城区宿舍', '山西杏花村汾酒厂股份有限公司'],
  ['汽车站家属院', '汾阳市汽车站'],
  ['医药公司宿舍', '汾阳市医药公司'],
]);

/** Communities named after an institution: their first compound is that institution's housing. */
export const SPECIAL_COMMUNITY_COMPOUNDS = Object.freeze({
  山西省汾阳医院社区: ['医院家属院', '山西省汾阳医院'],
  山西省汾阳监狱社区: ['监狱职工宿舍', '山西省汾阳监狱'],
  山西医科大学汾阳学院社区: ['汾阳学院家属院', '山西医科大学汾阳学院'],
  府学街社区: ['府学街宿舍', '汾阳市房产管理所'],
});

/** Neighbourhood-named compounds: stem of the community + a suffix; owner is the housing office, a developer or none. */
export const NEIGHBOURHOOD_SUFFIXES = Object.freeze(['小区', '苑', '园', '新村', '小区']);
export const NEIGHBOURHOOD_OWNERS = Object.freeze(['无', '无', '汾阳市房产管理所', '汾阳市房地产开发公司']);
/** Extra names used when a community stem is already taken. */
export const SPARE_NAMES = Object.freeze(['汾州小区', '杏花小区', '文峰小区', '太和小区', '西河小区', '鼓楼小区', '昌盛苑', '汾阳小区']);

/** Community name without 社区 (and without an institution prefix), e.g. 建昌社区 → 建昌. */
export function communityStem(name) {
  return name.replace(/社区$/, '');
}

export const FACILITY_LABELS = Object.freeze({
  kindergarten: '幼儿园',
  clinic: '社区卫生服务站',
  elderly_station: '日间照料中心',
  market: '便民市场',
  community_service: '社区服务中心',
  parking: '停车场',
  charging: '充电桩',
  fire_station: '微型消防站',
  express_locker: '快递柜',
});

export const IDLE_BUILDING_LABELS = Object.freeze({
  boiler_room: '闲置锅炉房',
  bike_shed: '闲置自行车棚',
  public_house: '闲置公房',
});

export const IDLE_LAND_LABELS = Object.freeze({
  vacant: '空地',
  waste: '荒地',
  demolished: '拆违腾空土地',
});

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const numeral = (n) => NUMERALS[n - 1] ?? String(n);
