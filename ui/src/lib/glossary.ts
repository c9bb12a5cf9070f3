// Official terms in plain words, from locales/*/glossary.ftl (the same file the Rust side reads):
// each message's `.term` attribute is the official term it replaces.

import { FluentResource, type FluentVariable } from '@fluent/bundle';
import { sourcesOf, t } from './i18n';

function termIds(): Map<string, string> {
  const ids = new Map<string, string>();
  for (const text of sourcesOf('zh-CN', 'glossary.ftl')) {
    for (const message of new FluentResource(text).body) {
      const term = message.attributes?.term;
      if (typeof term === 'string') ids.set(term, message.id);
    }
  }
  return ids;
}

const TERMS = termIds();

/** The plain words for an official term, or the term itself when the glossary lacks it. */
export function plainWords(term: string, args?: Record<string, FluentVariable>): string {
  const id = TERMS.get(term);
  return id ? t(id, args) : term;
}
