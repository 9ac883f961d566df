/**
 * The phrases extractors look for, in every language a brief may be written in: audience
 * lines, findings grouped by objective, who a brief is for and who prepared it, a paragraph
 * that concludes, collaboration and lead partners, how titles are quoted, and the words that
 * tell the languages apart.
 */
import { LANGUAGES, type Language } from './labels.js';

/** How each language introduces the audience of recommendations ("For IOM Bolivia:"). */
export const AUDIENCE_LINE = /^(?:For|Pour|Para)\s+\S[^:]{0,150}:$/;
export const AUDIENCE_PREFIX = /^(?:For|Pour|Para)\s+(?:(?:the|la|le|les|el|los|las|a|o|os|as)\s+|l')?/i;

/** A finding grouped by objective or result rather than criterion ("Specific Objective 1:"). */
export const OBJECTIVE_HEAD =
  /^(?:(?:(?:specific|overall|general|immediate) )?(?:objective|outcome|output|result|pillar)|objectif(?: (?:specifique|general))?|resultat|produit|pilier|objetivo(?: (?:especifico|general|geral))?|resultado|producto|produto|pilar) (?:\d{1,2}|[a-z])(?:\.\d{1,2})?$/;

/** "prepared by X for use by Y." and its equivalents: who the brief is for. */
export const INTENDED_USERS: readonly RegExp[] = [
  /(?:^|\s)for (?:use by|the use of) (.{2,300}?)\.(?:\s|$)/i,
  /(?:^|\s)(?:a|\u00e0) l'intention (?:des |du |de la |de l'|de |d')(.{2,300}?)\.(?:\s|$)/i,
  /(?:^|\s)para (?:el uso de|uso de|su uso por|uso por|uso d[aoe]s?|utiliza\u00e7\u00e3o d[aoe]s?) (?:los |las |el |la |os |as )?(.{2,300}?)\.(?:\s|$)/i,
  /(?:^|\s)destinad[oa] (?:a|ao|aos|\u00e0|\u00e0s) (.{2,300}?)\.(?:\s|$)/i,
];
export const PREPARED_BY = /(?:^|\s)(?:prepared by|pr\u00e9par\u00e9e? par|elaborad[oa] por|preparad[oa] por) (?:the |le |la |el )?(.{2,120}?) (?:for|pour|para) /i;

/** Sentences that say a paragraph of a "findings and conclusions" section is a conclusion. */
export const CONCLUSION_MARKER = /\b(?:in conclusion|we conclude|leads? to the conclusion|concluded? that|en conclusion|conclut que|conduit a la conclusion|en conclusion|se concluye|concluye que|lleva a la conclusion|em conclusao|conclui-se|conclui que|leva a conclusao)\b/i;

/** "was designed in collaboration with", in every language (group 1: the English verb). */
export const COLLABORATION =
  /\b(?:was|were|is|are|has been|have been|had been)\s+(?:jointly\s+)?([a-z]+(?:\s+out)?)\s+(?:jointly\s+)?(?:in\s+(?:close\s+)?(?:collaboration|partnership|cooperation|coordination)\s+with|together\s+with|jointly\s+with|with\s+the\s+support\s+of)\b|\ben\s+(?:[ée]troite\s+)?(?:collaboration|partenariat|coordination|coop[ée]ration)\s+avec\b|\bconjointement\s+avec\b|\ben\s+(?:estrecha\s+)?(?:colaboraci[oó]n|coordinaci[oó]n|cooperaci[oó]n|alianza)\s+con\b|\bjunto\s+con\b|\bem\s+(?:estreita\s+)?(?:colabora[cç][aã]o|parceria|coordena[cç][aã]o|coopera[cç][aã]o)\s+com\b|\bjuntamente\s+com\b/i;

/** A partner said to lead ("the leading organisation", "partenaire principal", "socio principal"). */
export const LEAD =
  /\blead(?:ing)?\s+(?:partner|organi[sz]ation|agency|institution|entity|role|implementing partner)\b|\bled\s+the\s+project\b|\btook\s+the\s+lead\b|\bpartenaire\s+principal\b|\bchef\s+de\s+file\b|\bsocio\s+principal\b|\bcontraparte\s+principal\b|\bparceiro\s+principal\b/i;
/** "...led by INE", "dirigé par", "liderado por". */
export const LED_BY = /\b(?:led by|dirig[ée]e? par|liderad[oa] por) (?:the\s+|le\s+|la\s+|l'|el\s+)?([^,.;()]{2,80})/i;

/** Words of each language counted to tell which one a brief is written in. */
const FUNCTION_WORDS: Record<Language, ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'with', 'was', 'were', 'for', 'by', 'this', 'that']),
  fr: new Set(['le', 'les', 'des', 'et', 'du', 'une', 'est', 'pour', 'par', 'dans', 'sur', 'aux', 'au']),
  es: new Set(['el', 'los', 'las', 'y', 'del', 'una', 'es', 'para', 'por', 'con', 'que', 'al']),
  pt: new Set(['o', 'os', 'do', 'da', 'dos', 'das', 'e', 'um', 'uma', 'com', 'no', 'na', 'nao', 'foi', 'pelo', 'pela']),
};

/** The language most of a text's function words belong to (English when in doubt). */
export function detectLanguage(text: string): Language {
  const counts: Record<Language, number> = { en: 0, fr: 0, es: 0, pt: 0 };
  const words = text.slice(0, 200_000).toLowerCase().split(/[^a-z\u00e0-\u00ff']+/);
  for (const word of words) for (const language of LANGUAGES) if (FUNCTION_WORDS[language].has(word)) counts[language]++;
  return LANGUAGES.reduce((best, l) => (counts[l] > counts[best] ? l : best), 'en' as Language);
}

/** How each language quotes a title inside another. */
export const QUOTES: Record<Language, readonly [string, string]> = { en: ['\u201c', '\u201d'], fr: ['\u00ab ', ' \u00bb'], es: ['\u201c', '\u201d'], pt: ['\u201c', '\u201d'] };

/** "of the project" in each language, for a title made from the type and the project title. */
export const OF_THE_PROJECT: Record<Language, string> = { en: 'of the project', fr: 'du projet', es: 'del proyecto', pt: 'do projeto' };
