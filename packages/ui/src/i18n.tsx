/** zh-CN first, English second; the choice is kept in localStorage. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, zhCN, type MessageKey } from './messages.ts';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

const STORAGE_KEY = 'huanjie.lang';
const dictionaries: Record<Lang, { readonly [K in MessageKey]: string }> = { 'zh-CN': zhCN, en };

function storedLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    // Storage can be disabled (private mode, policy); Chinese is the default anyway.
    return 'zh-CN';
  }
}

export function translate(lang: Lang, key: MessageKey, values?: Readonly<Record<string, string | number>>): string {
  const text: string = dictionaries[lang][key];
  return values ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m)) : text;
}

interface I18n {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
  readonly t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted then; the switch still works for this visit.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, values) => translate(lang, key, values) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() needs <I18nProvider>');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLang(): [Lang, (lang: Lang) => void] {
  const { lang, setLang } = useI18n();
  return [lang, setLang];
}
