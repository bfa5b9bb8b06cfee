import type { TextRun } from '../model/page.js';

export interface TextVerdict {
  usable: boolean;
  /** Why the text layer is not usable, or null. */
  reason: string | null;
}

export interface TextQualitySettings {
  /** Below this many visible characters a page counts as having no text layer. */
  minChars: number;
  /** Largest tolerated share of characters a Chinese government document never prints. */
  maxForeignShare: number;
  /** Smallest share of Han characters that must be everyday characters (random glyph maps fail it). */
  minCommonHanShare: number;
}

export const DEFAULT_TEXT_QUALITY: TextQualitySettings = { minChars: 8, maxForeignShare: 0.1, minCommonHanShare: 0.3 };

// Frequent characters of modern Chinese and of budget documents. A text layer decoded through a broken
// font map scatters over the whole Han block and rarely hits these.
const COMMON_HAN = new Set(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研' +
  '预算支出收财拨款项目元万单位基服务保障住房养老医疗卫健康社会就业行运机关事业办公厅室及相构般共性金国有资本营三因境用车购置接待费结转余科编码功能类经济分类人员商品福利工资津贴补奖助缴险公积金离退休抚恤生活差旅培训会议维修护租赁物业邮电取暖劳委托印刷咨询手续水电燃料专设备信息网络软件城乡区林交通输援灾害防治应急管理税其他转移债务还息发行本级上下级附属减增长比较说明情况概职责设置编制数实决草案纲要名词解释绩效目标指标值满意度完成时效成本产出效益'
);

const FOREIGN = /[\u0000-\u0008\u000E-\u001F\u0080-\u00AF\u0370-\u1FFF\u2C00-\u2DFF\uA000-\uABFF\uD800-\uF8FF\uFFF0-\uFFFF]/u;
const HAN = /\p{Script=Han}/u;

/** Decide whether a page's text layer can be trusted as printed text. */
export function judgeTextLayer(runs: readonly TextRun[], s = DEFAULT_TEXT_QUALITY): TextVerdict {
  let chars = 0, foreign = 0, han = 0, commonHan = 0;
  for (const run of runs) {
    for (const ch of run.text) {
      if (ch.trim() === '') continue;
      chars++;
      if (FOREIGN.test(ch)) foreign++;
      else if (HAN.test(ch)) { han++; if (COMMON_HAN.has(ch)) commonHan++; }
    }
  }
  if (chars < s.minChars) return { usable: false, reason: chars === 0 ? 'no text layer' : `only ${chars} characters of text` };
  if (foreign / chars > s.maxForeignShare)
    return { usable: false, reason: `text layer decodes to garbage (${Math.round((100 * foreign) / chars)}% control, private-use or foreign-script characters)` };
  if (han >= 20 && commonHan / han < s.minCommonHanShare)
    return { usable: false, reason: `text layer decodes to implausible Chinese (${Math.round((100 * commonHan) / han)}% everyday characters)` };
  return { usable: true, reason: null };
}
