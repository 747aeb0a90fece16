// The fonts map labels are drawn with. MapLibre draws every glyph in the browser (TinySDF on a canvas) when the style
// has no `glyphs` URL, with `text-font` read as a CSS font stack: so labels need no glyph server and no font files of
// ours — the device's own Chinese font draws them. Named here are the fonts government Windows PCs (微软雅黑), Macs and
// iPhones (苹方, 冬青黑体) and Android and Linux (Noto/思源黑体, 文泉驿, Droid Sans Fallback) carry; the last word,
// `sans-serif`, lets the browser choose when none of them is installed.
export const LABEL_FONTS = [
  'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei',
  'Droid Sans Fallback', 'sans-serif',
];
/** Bold labels: MapLibre reads the weight from the first name ("… Bold" → 700); the browser then finds the family. */
export const LABEL_FONTS_BOLD = ['Microsoft YaHei Bold', ...LABEL_FONTS];
/** The same stack as one CSS family list, for MapLibre's `localIdeographFontFamily`. */
export const LOCAL_IDEOGRAPH_FONTS = LABEL_FONTS.map((f) => (f.includes(' ') ? `'${f}'` : f)).join(', ');
