/**
 * The words of the brief layouts, one table per language: header and project-panel labels,
 * section headings, evaluation criteria, month names, and the phrases extractors look for.
 * Adding a language (or a template that words a label differently) means adding its words
 * here; lookups take the union of all languages, with keys compared without case or accents.
 */

export type Language = 'en' | 'fr' | 'es' | 'pt';
export const LANGUAGES: readonly Language[] = ['en', 'fr', 'es', 'pt'];

/** The record field a header or panel label fills. */
export type LabelField =
  | 'evaluation.type'
  | 'evaluation.evaluators'
  | 'evaluation.fieldVisits'
  | 'evaluation.finalReportDate'
  | 'evaluation.commissioners'
  | 'evaluation.managedBy'
  | 'evaluation.commissionedAndManagedBy'
  | 'evaluation.purpose'
  | 'evaluation.criteria'
  | 'evaluation.methodology'
  | 'project.title'
  | 'project.coverage'
  | 'project.type'
  | 'project.code'
  | 'project.period'
  | 'project.budget'
  | 'project.implementer'
  | 'project.funders'
  | 'project.genderMarker'
  | 'rating';

const LABELS: Record<Language, Record<LabelField, readonly string[]>> = {
  en: {
    'evaluation.type': ['evaluation type', 'type of evaluation'],
    'evaluation.evaluators': ['evaluator(s)', 'evaluators', 'evaluator', 'evaluation team', 'evaluation firm', 'evaluation consultant(s)', 'consultant(s)', 'evaluation consultant'],
    'evaluation.fieldVisits': ['field visit dates', 'field visits', 'dates of field visits', 'field work dates', 'fieldwork dates', 'field mission dates'],
    'evaluation.finalReportDate': ['final report', 'final report date', 'date of final report', 'date of the final report'],
    'evaluation.commissioners': ['commissioned by', 'evaluation commissioner', 'commissioner'],
    'evaluation.managedBy': ['managed by', 'evaluation manager', 'evaluation manager(s)', 'evaluation managers'],
    'evaluation.commissionedAndManagedBy': ['commissioned and managed by', 'commissioned & managed by'],
    'evaluation.purpose': ['evaluation purpose', 'purpose', 'purpose of the evaluation', 'evaluation objective', 'evaluation objectives', 'objective of the evaluation', 'objectives of the evaluation'],
    'evaluation.criteria': ['evaluation criteria', 'criteria'],
    'evaluation.methodology': ['evaluation methodology', 'methodology', 'methods'],
    'project.title': ['project title', 'project name', 'title', 'title of the project'],
    'project.coverage': ['geographical coverage', 'geographic coverage', 'coverage', 'geographical scope', 'geographic scope', 'countries', 'country', 'countries covered'],
    'project.type': ['project type', 'type of project'],
    'project.code': ['project code', 'project codes', 'project code(s)', 'prima code', 'prima id', 'project id', 'project number'],
    'project.period': ['project period', 'implementation period', 'period', 'project duration', 'duration'],
    'project.budget': ['budget', 'project budget', 'total budget'],
    'project.implementer': ['implemented by', 'implementing organization', 'implementing organisation'],
    'project.funders': ['funded by', 'donor', 'donors', 'donor(s)', 'project donor'],
    'project.genderMarker': ['gender marker', 'iom gender marker'],
    rating: ['rating'],
  },
  fr: {
    'evaluation.type': ["type d'evaluation", "type de l'evaluation"],
    'evaluation.evaluators': ['evaluateur(s)', 'evaluateurs', 'evaluateur', 'evaluatrice', 'evaluatrice(s)', 'evaluateur(s)/evaluatrice(s)', "equipe d'evaluation"],
    'evaluation.fieldVisits': ['dates des visites sur le terrain', 'dates de la visite sur le terrain', 'visites sur le terrain', 'dates de la mission de terrain'],
    'evaluation.finalReportDate': ['date du rapport final', 'rapport final'],
    'evaluation.commissioners': ['commande par', 'commandee par', 'commanditee par', 'commandite par'],
    'evaluation.managedBy': ['gere par', 'geree par', "gestionnaire de l'evaluation", "responsable de l'evaluation"],
    'evaluation.commissionedAndManagedBy': ['commande et gere par', 'commandee et geree par'],
    'evaluation.purpose': ["but de l'evaluation", "objectif de l'evaluation", "objet de l'evaluation"],
    'evaluation.criteria': ["criteres d'evaluation", 'criteres'],
    'evaluation.methodology': ["methodologie d'evaluation", "methodologie de l'evaluation", 'methodologie'],
    'project.title': ['titre du projet', 'intitule du projet'],
    'project.coverage': ['portee geographique', 'couverture geographique', 'zone geographique'],
    'project.type': ['type du projet', 'type de projet'],
    'project.code': ['code du projet', 'codes du projet', 'code(s) du projet'],
    'project.period': ['periode du projet', 'periode de mise en oeuvre', 'duree du projet', 'periode'],
    'project.budget': ['budget', 'budget du projet', 'budget total'],
    'project.implementer': ['mis en oeuvre par', 'organisation de mise en oeuvre'],
    'project.funders': ['donateur', 'donateurs', 'donateur(s)', 'bailleur de fonds', 'bailleurs de fonds', 'finance par'],
    'project.genderMarker': ["indicateur de l'egalite des sexes", 'marqueur de genre', 'marqueur genre', "marqueur de l'egalite des sexes"],
    rating: ['note', 'notation'],
  },
  es: {
    'evaluation.type': ['tipo de evaluacion'],
    'evaluation.evaluators': ['evaluador(es)', 'evaluadores', 'evaluador', 'evaluadora', 'evaluador(a)', 'evaluadora(s)', 'equipo evaluador'],
    'evaluation.fieldVisits': ['fechas de las visitas de campo', 'fechas de visitas de campo', 'fechas de la visita de campo', 'visitas de campo'],
    'evaluation.finalReportDate': ['fecha del informe final', 'informe final'],
    'evaluation.commissioners': ['encargado por', 'encargada por', 'comisionado por', 'comisionada por'],
    'evaluation.managedBy': ['gestionado por', 'gestionada por', 'gerente de la evaluacion', 'gestor de la evaluacion', 'gestora de la evaluacion'],
    'evaluation.commissionedAndManagedBy': ['encargado y gestionado por', 'encargada y gestionada por', 'comisionado y gestionado por'],
    'evaluation.purpose': ['proposito de la evaluacion', 'objetivo de la evaluacion', 'proposito'],
    'evaluation.criteria': ['criterios de evaluacion', 'criterios'],
    'evaluation.methodology': ['metodologia de evaluacion', 'metodologia de la evaluacion', 'metodologia'],
    'project.title': ['titulo del proyecto', 'nombre del proyecto'],
    'project.coverage': ['cobertura geografica', 'alcance geografico', 'ambito geografico'],
    'project.type': ['tipo de proyecto', 'tipo del proyecto'],
    'project.code': ['codigo del proyecto', 'codigos del proyecto', 'codigo(s) del proyecto'],
    'project.period': ['periodo del proyecto', 'periodo de ejecucion', 'periodo de implementacion', 'duracion del proyecto', 'periodo'],
    'project.budget': ['presupuesto', 'presupuesto del proyecto', 'presupuesto total'],
    'project.implementer': ['implementado por', 'ejecutado por'],
    'project.funders': ['donante', 'donantes', 'donante(s)', 'financiado por'],
    'project.genderMarker': ['marcador de genero', 'marcador de igualdad de genero'],
    rating: ['calificacion', 'puntuacion', 'valoracion'],
  },
  pt: {
    'evaluation.type': ['tipo de avaliacao'],
    'evaluation.evaluators': ['avaliador(es)', 'avaliadores', 'avaliador', 'avaliadora', 'equipa de avaliacao', 'equipe de avaliacao'],
    'evaluation.fieldVisits': ['datas das visitas de campo', 'datas da visita de campo', 'visitas de campo'],
    'evaluation.finalReportDate': ['data do relatorio final', 'relatorio final'],
    'evaluation.commissioners': ['encomendado por', 'encomendada por', 'comissionado por', 'comissionada por'],
    'evaluation.managedBy': ['gerido por', 'gerida por', 'gerenciado por', 'gestor da avaliacao', 'gestora da avaliacao'],
    'evaluation.commissionedAndManagedBy': ['encomendado e gerido por', 'encomendada e gerida por'],
    'evaluation.purpose': ['objetivo da avaliacao', 'proposito da avaliacao', 'finalidade da avaliacao'],
    'evaluation.criteria': ['criterios de avaliacao', 'criterios'],
    'evaluation.methodology': ['metodologia de avaliacao', 'metodologia da avaliacao', 'metodologia'],
    'project.title': ['titulo do projeto', 'nome do projeto'],
    'project.coverage': ['cobertura geografica', 'ambito geografico', 'abrangencia geografica'],
    'project.type': ['tipo de projeto', 'tipo do projeto'],
    'project.code': ['codigo do projeto', 'codigos do projeto', 'codigo(s) do projeto'],
    'project.period': ['periodo do projeto', 'periodo de implementacao', 'duracao do projeto', 'periodo'],
    'project.budget': ['orcamento', 'orcamento do projeto', 'orcamento total'],
    'project.implementer': ['implementado por', 'executado por'],
    'project.funders': ['doador', 'doadores', 'doador(es)', 'financiado por'],
    'project.genderMarker': ['marcador de genero', 'marcador de igualdade de genero'],
    rating: ['classificacao', 'pontuacao'],
  },
};

export type HeadingKind = 'brief' | 'summary' | 'information' | 'findings' | 'findingsAndConclusions' | 'conclusions' | 'lessons' | 'recommendations';

/** Section headings, as whole-line patterns over the heading's key (see `labelKey`). */
const HEADINGS: Record<Language, readonly [RegExp, HeadingKind][]> = {
  en: [
    [/^(?:evaluation|learning|evaluation learning) brief$/, 'brief'],
    [/^(?:project summary|summary of the project|project description|project background|background)$/, 'summary'],
    [/^(?:project information|project details|project data|project at a glance)$/, 'information'],
    [/^(?:key |main )?findings (?:and|&) conclusions$/, 'findingsAndConclusions'],
    [/^(?:key findings|findings|main findings|evaluation findings|summary of findings|findings and ratings|key findings and ratings|findings by criterion)$/, 'findings'],
    [/^(?:conclusions?|key conclusions|main conclusions)$/, 'conclusions'],
    [/^(?:key )?lessons(?: learn(?:ed|t))?(?: (?:and|&) (?:good|best|promising) practices?)?$|^(?:good|best|promising) practices?(?: (?:and|&) lessons learn(?:ed|t))?$/, 'lessons'],
    [/^(?:key |main )?recommendations$/, 'recommendations'],
  ],
  fr: [
    [/^(?:resume|note|fiche) d'evaluation$/, 'brief'],
    [/^(?:resume du projet|description du projet|contexte du projet|contexte)$/, 'summary'],
    [/^(?:informations? (?:sur le|du) projet|donnees du projet|fiche du projet)$/, 'information'],
    [/^(?:principales )?constatations (?:et|&) conclusions$/, 'findingsAndConclusions'],
    [/^(?:principales constatations|constatations principales|constatations|principaux resultats|resultats de l'evaluation)$/, 'findings'],
    [/^(?:conclusions?|principales conclusions)$/, 'conclusions'],
    [/^(?:enseignements tires|lecons apprises|lecons tirees|bonnes pratiques|enseignements|enseignements tires et bonnes pratiques)$/, 'lessons'],
    [/^(?:principales )?recommandations$/, 'recommendations'],
  ],
  es: [
    [/^(?:resumen|nota|ficha) de (?:la )?evaluacion$/, 'brief'],
    [/^(?:resumen del proyecto|descripcion del proyecto|contexto del proyecto|antecedentes)$/, 'summary'],
    [/^(?:informacion del proyecto|datos del proyecto|ficha del proyecto)$/, 'information'],
    [/^(?:principales )?hallazgos (?:y|&) conclusiones$/, 'findingsAndConclusions'],
    [/^(?:principales hallazgos|hallazgos|hallazgos principales|hallazgos clave)$/, 'findings'],
    [/^(?:conclusiones?|principales conclusiones)$/, 'conclusions'],
    [/^(?:lecciones aprendidas|buenas practicas|lecciones|lecciones aprendidas y buenas practicas)$/, 'lessons'],
    [/^(?:principales )?recomendaciones$/, 'recommendations'],
  ],
  pt: [
    [/^(?:resumo|nota|ficha) (?:da|de) avaliacao$/, 'brief'],
    [/^(?:resumo do projeto|descricao do projeto|contexto do projeto|contexto)$/, 'summary'],
    [/^(?:informacoes do projeto|informacao do projeto|dados do projeto|ficha do projeto)$/, 'information'],
    [/^(?:principais )?(?:constatacoes|resultados) e conclusoes$/, 'findingsAndConclusions'],
    [/^(?:principais constatacoes|constatacoes|constatacoes principais|principais resultados)$/, 'findings'],
    [/^(?:conclusoes?|principais conclusoes)$/, 'conclusions'],
    [/^(?:licoes aprendidas|boas praticas|licoes aprendidas e boas praticas)$/, 'lessons'],
    [/^(?:principais )?recomendacoes$/, 'recommendations'],
  ],
};

/** Lower case, accents and curly apostrophes away, spaces folded, a final colon dropped. */
export function labelKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\u0153/g, 'oe')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s:.]+$/, '')
    .trim();
}

const LABEL_INDEX = new Map<string, { field: LabelField; language: Language }>();
for (const language of LANGUAGES) {
  for (const [field, names] of Object.entries(LABELS[language]) as [LabelField, readonly string[]][]) {
    for (const name of names) if (!LABEL_INDEX.has(name)) LABEL_INDEX.set(name, { field, language });
  }
}

/** The field (and language) of a label as a brief writes it ("Évaluateur(s)", "Project code"). */
export function labelField(label: string): { field: LabelField; language: Language } | undefined {
  return LABEL_INDEX.get(labelKey(label).replace(/ ?\( ?s ?\)/, '(s)'));
}

/** The section a heading starts, in any language ("KEY FINDINGS & CONCLUSIONS", "ENSEIGNEMENTS TIRÉS"). */
export function headingOf(text: string): { kind: HeadingKind; language: Language } | undefined {
  if (text.length > 60) return undefined;
  // Numbered headings ("2. KEY FINDINGS", "III. RECOMMENDATIONS") are the same sections.
  const key = labelKey(text).replace(/\s*&\s*/g, ' & ').replace(/^(?:\d{1,2}|[ivx]{1,4})[.)]\s+/, '');
  for (const language of LANGUAGES) {
    const found = HEADINGS[language].find(([pattern]) => pattern.test(key));
    if (found) return { kind: found[1], language };
  }
  return undefined;
}

/** The OECD-DAC criteria (Coherence added in 2019), by the words each language names them with. */
export const CRITERIA: readonly { name: string; words: readonly string[] }[] = [
  { name: 'Relevance', words: ['relevance', 'pertinence', 'pertinencia', 'relevancia'] },
  { name: 'Coherence', words: ['coherence', 'coherencia', 'coerencia'] },
  { name: 'Effectiveness', words: ['effectiveness', 'efficacite', 'eficacia'] },
  { name: 'Efficiency', words: ['efficiency', 'efficience', 'eficiencia'] },
  { name: 'Impact', words: ['impact', 'impacto'] },
  { name: 'Sustainability', words: ['sustainability', 'durabilite', 'viabilite', 'perennite', 'sostenibilidad', 'sustentabilidade'] },
];

/** Month names and their usual abbreviations, every language in one table. */
export const MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    ['january jan janvier janv enero ene janeiro', 1],
    ['february feb fevrier fevr fev febrero fevereiro', 2],
    ['march mar mars marzo marco', 3],
    ['april apr avril avr abril abr', 4],
    ['may mai mayo maio', 5],
    ['june jun juin junio junho', 6],
    ['july jul juillet juil julio julho', 7],
    ['august aug aout agosto ago', 8],
    ['september sep sept septembre septiembre setiembre set setembro', 9],
    ['october oct octobre octubre outubro', 10],
    ['november nov novembre noviembre novembro', 11],
    ['december dec decembre diciembre dic dezembro', 12],
  ].flatMap(([words, month]) => (words as string).split(' ').map((w) => [w, month as number])),
);

/** Words that join the two ends of a period ("to", "au", "al"...), and that may open it ("from", "du", "del"...). */
export const PERIOD_JOINERS: readonly string[] = ['to', 'until', 'till', 'through', 'au', 'a', "jusqu'au", "jusqu'a", 'al', 'hasta', 'hasta el', 'at\u00e9', 'ate'];
export const PERIOD_OPENERS: readonly string[] = ['from', 'du', 'de', 'des', 'depuis le', 'del', 'desde el', 'desde'];
/** Words written between a date's day, month and year ("1 de junio de 2025", "1er juin 2025"). */
export const DATE_FILLERS: readonly string[] = ['de', 'del', 'of', 'le', 'el', 'do', 'da'];
