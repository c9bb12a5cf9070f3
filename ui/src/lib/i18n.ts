// Localised text from the same Fluent files the Rust side uses (../locales).

import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

const sources = import.meta.glob('../../../locales/*/*.ftl', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Locales shipped, the fallback first. */
export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

function buildBundle(locale: Locale): FluentBundle {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  for (const [path, text] of Object.entries(sources)) {
    if (path.includes(`/locales/${locale}/`)) {
      const errors = bundle.addResource(new FluentResource(text));
      for (const error of errors) console.error(`Fluent error in ${path}:`, error);
    }
  }
  return bundle;
}

const bundles: Record<Locale, FluentBundle> = {
  'zh-CN': buildBundle('zh-CN'),
  'en-US': buildBundle('en-US'),
};

let current: Locale = 'zh-CN';

/** Chooses the language of later `t` calls. */
export function setLocale(locale: Locale): void {
  current = locale;
}

/** The Fluent sources of a locale whose file name ends with `file`. */
export function sourcesOf(locale: Locale, file: string): string[] {
  return Object.entries(sources)
    .filter(([path]) => path.includes(`/locales/${locale}/`) && path.endsWith(`/${file}`))
    .map(([, text]) => text);
}

/** Message ids defined in a locale. */
export function messageIds(locale: Locale): string[] {
  const ids: string[] = [];
  for (const [path, text] of Object.entries(sources)) {
    if (path.includes(`/locales/${locale}/`)) {
      for (const body of new FluentResource(text).body) ids.push(body.id);
    }
  }
  return ids.sort();
}

/** The text of message `id` in the current locale, falling back to zh-CN, then to the id. */
export function t(id: string, args?: Record<string, FluentVariable>): string {
  for (const bundle of [bundles[current], bundles['zh-CN']]) {
    const message = bundle.getMessage(id);
    if (message?.value) {
      const errors: Error[] = [];
      const text = bundle.formatPattern(message.value, args, errors);
      if (errors.length) console.error(`Fluent error formatting ${id}:`, errors);
      return text;
    }
  }
  console.error(`Missing message ${id}`);
  return id;
}
