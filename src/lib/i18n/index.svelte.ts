// Every UI string goes through t(). Chinese is the default; English by the header switch (kept in localStorage).
// Strings live in messages/<feature>.ts, one bundle per feature, each with the same keys in zh and en.
import * as core from './messages/core';
import * as zones from './messages/zones';
import * as sites from './messages/sites';
import * as programme from './messages/programme';
import * as publicSide from './messages/public';
import * as io from './messages/io';
import * as scale from './messages/scale';
import * as departments from './messages/departments';
import * as reasons from './messages/reasons';
import * as map from './messages/map';
import * as procedure from './messages/procedure';
import * as geometry from './messages/geometry';
import * as oversight from './messages/oversight';
import * as register from './messages/register';
import * as imports from './messages/imports';
import * as participation from './messages/participation';
import type { Reason } from '../types';

export type Locale = 'zh' | 'en';
const zhAll = { ...core.zh, ...zones.zh, ...sites.zh, ...programme.zh, ...publicSide.zh, ...io.zh, ...scale.zh, ...departments.zh, ...reasons.zh, ...geometry.zh, ...map.zh, ...procedure.zh, ...oversight.zh, ...register.zh, ...imports.zh, ...participation.zh };
export type MessageKey = keyof typeof zhAll;
const enAll: Record<MessageKey, string> = { ...core.en, ...zones.en, ...sites.en, ...programme.en, ...publicSide.en, ...io.en, ...scale.en, ...departments.en, ...reasons.en, ...geometry.en, ...map.en, ...procedure.en, ...oversight.en, ...register.en, ...imports.en, ...participation.en };
const dictionaries: Record<Locale, Record<MessageKey, string>> = { zh: zhAll, en: enAll };

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

/** Translate a key; `{name}` placeholders are filled from params. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  let text = dictionaries[i18n.locale][key] ?? zhAll[key] ?? key;
  if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

/** Whether a message key exists (for keys built from codes, e.g. a server's validation code). */
export function hasMessage(key: string): key is MessageKey {
  return key in zhAll;
}

/** A record field's name in the current language (`field.<name>`), or the name itself when none is known. */
export function fieldLabel(field: string): string {
  const key = `field.${field}`;
  return hasMessage(key) ? t(key) : field;
}

/**
 * A reason in words: `reason.<code>` filled with its params; a `field` param is given as the field's label. A code
 * without a message shows as itself, so nothing is ever silently blank.
 * @example explain({ code: 'name_repeated', params: { name: '西苑小区' } }) // '名称“西苑小区”在文件中重复'
 */
export function explain(reason: Reason): string {
  const key = `reason.${reason.code}`;
  const params = reason.params && 'field' in reason.params ? { ...reason.params, field: fieldLabel(String(reason.params.field)) } : reason.params;
  return hasMessage(key) ? t(key, params) : reason.code;
}

/** A key in a given language, whatever the screen shows (files for the office are Chinese). */
export function tIn(locale: Locale, key: MessageKey | (string & {})): string {
  return dictionaries[locale][key as MessageKey] ?? zhAll[key as MessageKey] ?? key;
}

/** Numbers with grouping in the current locale. */
export function fmt(n: number | null | undefined, digits = 0): string {
  if (n == null || Number.isNaN(n)) return '—';
  return n.toLocaleString(i18n.locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** Both dictionaries, for the completeness test. */
export const _dictionaries = dictionaries;
