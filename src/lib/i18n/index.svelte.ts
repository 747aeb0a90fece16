// Every UI string goes through t(). Chinese is the default; English by the header switch (kept in localStorage).
import { zh } from './zh';
import { en } from './en';

export type Locale = 'zh' | 'en';
export type MessageKey = keyof typeof zh;
const dictionaries: Record<Locale, Record<MessageKey, string>> = { zh, en };

function initialLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem('locale');
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    /* storage may be blocked */
  }
  return 'zh';
}

class I18n {
  locale = $state<Locale>(initialLocale());

  set(locale: Locale) {
    this.locale = locale;
    try {
      globalThis.localStorage?.setItem('locale', locale);
    } catch {
      /* ignore */
    }
    if (typeof document !== 'undefined') document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }
}

export const i18n = new I18n();

/** Translate a key; `{name}` placeholders are filled from params. Falls back to Chinese, then to the key. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  let text = dictionaries[i18n.locale][key] ?? zh[key] ?? key;
  if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

/** Numbers with grouping in the current locale. */
export function fmt(n: number | null | undefined, digits = 0): string {
  if (n == null || Number.isNaN(n)) return '—';
  return n.toLocaleString(i18n.locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}
