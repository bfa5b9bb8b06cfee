/** Province-level names, so "江苏省…" and "上海市…" are read as regions even where the suffix is left out. */
const PROVINCES = ['北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建',
  '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃',
  '青海', '宁夏', '新疆', '香港', '澳门', '台湾'];
const PROVINCE = new RegExp(`^(?:${PROVINCES.join('|')})(?:省|市|(?:壮族|回族|维吾尔)?自治区)?`);
/** A prefecture/county-level name: a few characters ending in an administrative suffix. */
const LOCAL = /^[\u4e00-\u9fa5]{1,8}?(?:自治州|自治县|地区|市|区|县|旗|盟|州)/;
/** Words that come before the place in an organisation's name. */
const ORG_PREFIX = /^(?:中国共产党|中共|中国人民政治协商会议|政协)/;
/** Local names that are words of an organisation, not places. */
const NOT_PLACE = /^(?:人民|社区|地区|街道|城市|市场|市政|城区管理|新区管委)/;

/**
 * The region an organisation belongs to, from the start of its name: "上海市普陀区财政局" → "上海市普陀区",
 * "中共江苏省委办公厅" → "江苏省", "阿图什市人民政府办公室" → "阿图什市". Null when the name does not
 * start with a place.
 */
export function regionOfUnit(unit: string | null): string | null {
  if (!unit) return null;
  let rest = unit.replace(/\s+/g, '').replace(ORG_PREFIX, '');
  let region = '';
  const province = rest.match(PROVINCE);
  if (province) {
    region = province[0]; // as printed: "江苏省", or "江苏" where the name leaves the suffix out
    rest = rest.slice(region.length);
  }
  for (let i = 0; i < 2; i++) {
    const local = rest.match(LOCAL);
    if (!local || NOT_PLACE.test(local[0])) break;
    region += local[0];
    rest = rest.slice(local[0].length);
  }
  return region || null;
}
