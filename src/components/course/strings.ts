/**
 * The strings hook: every visible text of a widget passes through a translator
 * made here. A widget's English messages sit beside its code (the source of
 * every key); other languages register catalogues per namespace. A message is
 * plain text with `{name}` placeholders, never markup.
 */

export type Lang = "en" | "ko";
export const LANGS: readonly Lang[] = ["en", "ko"];

export type Messages = Record<string, string>;
export type Params = Record<string, string | number>;
export type Translate<M extends Messages = Messages> = (key: keyof M & string, params?: Params) => string;

const catalogues: Record<Lang, Map<string, Messages>> = {en: new Map(), ko: new Map()};

/** Registers one namespace's messages in a language other than English (or overrides English ones). */
export function registerMessages(lang: Lang, namespace: string, messages: Messages): void {
  catalogues[lang].set(namespace, {...catalogues[lang].get(namespace), ...messages});
}

/** The language of the page the code runs in: its `<html lang>`, English by default. */
export function pageLang(): Lang {
  const lang = typeof document === "undefined" ? "" : document.documentElement.lang;
  return lang.toLowerCase().startsWith("ko") ? "ko" : "en";
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible, so a missing parameter shows in tests. */
export function fill(message: string, params: Params = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator for one namespace: the language's message for a key, else the English one. */
export function translator<M extends Messages>(namespace: string, english: M, lang: Lang = pageLang()): Translate<M> {
  return (key, params) => fill(catalogues[lang].get(namespace)?.[key] ?? english[key] ?? key, params);
}
