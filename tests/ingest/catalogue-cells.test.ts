/**
 * The catalogue reader's cell rules, one messy case at a time: multi-valued cells whose values
 * hold commas, authors that mix people and firms, project codes in every separator, IOM's
 * country names, and documents listed in another order than their subtypes.
 */
import { describe, expect, it } from 'vitest';
import { parseAuthors } from '../../src/ingest/catalogue/authors.js';
import { clean, flag, isoDate, splitList } from '../../src/ingest/catalogue/cells.js';
import { catalogueCountry } from '../../src/ingest/catalogue/countries.js';
import { readDocuments } from '../../src/ingest/catalogue/documents.js';
import { projectCodes, projectNamesInTitle } from '../../src/ingest/catalogue/projects.js';
import { COMPOUND_DONORS, CROSS_CUTTING_THEMES, THEMATIC_AREAS } from '../../src/ingest/catalogue/vocabulary.js';

describe('multi-valued cells', () => {
  it('keeps values whose own text holds commas, inside and outside parentheses', () => {
    const { values, problems } = splitList(
      'Migration policy - dialogue, consultations etc and Migration Management, Border and identity solutions (border management, security, border assessment etc), Land, property and reparations (LPR)',
      THEMATIC_AREAS,
    );
    expect(values).toEqual([
      'Migration policy - dialogue, consultations etc and Migration Management',
      'Border and identity solutions (border management, security, border assessment etc)',
      'Land, property and reparations (LPR)',
    ]);
    expect(problems).toEqual([]);
  });

  it('re-joins a piece that starts in lower case to the value before it, and reports a value outside the taxonomy', () => {
    const { values, problems } = splitList('Counter trafficking, Migrant welfare, safety and dignity', THEMATIC_AREAS);
    expect(values).toEqual(['Counter trafficking', 'Migrant welfare, safety and dignity']);
    expect(problems).toEqual(['"Migrant welfare, safety and dignity" is not one of the migration thematic areas seen in IOM\'s exports; kept as written']);
  });

  it('joins a known name with a comma that the lower-case rule cannot see', () => {
    expect(splitList('African, Caribbean and Pacific Groups of States Observatory on Migration, European Union', COMPOUND_DONORS)).toEqual({
      values: ['African, Caribbean and Pacific Groups of States Observatory on Migration', 'European Union'],
      problems: [],
    });
  });

  it('reads placeholders as nothing, "None" beside real values as a problem, and repeats once', () => {
    for (const empty of ['', 'nan', 'N/A', 'None', 'Not specified', '  ']) expect(splitList(empty, CROSS_CUTTING_THEMES).values).toEqual([]);
    expect(splitList('Gender, None', CROSS_CUTTING_THEMES)).toEqual({ values: ['Gender'], problems: ['a placeholder ("None") stands beside real values; dropped'] });
    expect(splitList('Gender, Gender', CROSS_CUTTING_THEMES)).toEqual({ values: ['Gender'], problems: ['"Gender" is listed twice; counted once'] });
  });

  it('reads dates, placeholder dates and flags', () => {
    expect(isoDate('2021-05-19')).toEqual({ value: '2021-05-19' });
    expect(isoDate('1970-01-01')).toEqual({ value: undefined, problem: '1970-01-01 is a placeholder, not a date; left out' });
    expect(isoDate('2021-02-30').problem).toMatch(/not a real calendar date/);
    expect(isoDate('19/05/2021').problem).toMatch(/not a date written YYYY-MM-DD/);
    expect(isoDate('nan')).toEqual({ value: undefined });
    expect([flag('Yes').value, flag('No').value, flag('').value]).toEqual([true, false, undefined]);
    expect(flag('Maybe').problem).toMatch(/neither Yes nor No/);
    expect(clean('Government\u00a0 of  the Netherlands ')).toBe('Government of the Netherlands');
  });
});

describe('the Author cell', () => {
  const summary = (cell: string) => {
    const a = parseAuthors(cell);
    return { persons: a.persons.map((p) => (p.organization ? `${p.name} @ ${p.organization.name}` : p.name)), organizations: a.organizations.map((o) => o.name), problems: a.problems.length };
  };

  it('tells a person from her firm', () => {
    expect(summary('Patricia Goldschmid, Owl RE')).toEqual({ persons: ['Patricia Goldschmid'], organizations: ['Owl RE'], problems: 0 });
    expect(summary('Sharon McClenaghan (Owl RE)')).toEqual({ persons: ['Sharon McClenaghan @ Owl RE'], organizations: ['Owl RE'], problems: 0 });
    expect(summary('Glenn O’Neil. OWLRE')).toEqual({ persons: ['Glenn O’Neil @ Owl RE'], organizations: ['Owl RE'], problems: 0 });
    expect(summary('CMS Consultants - Annika Caldwell and Angela Oliver-Burgess')).toEqual({
      persons: ['Annika Caldwell @ CMS Consultants', 'Angela Oliver-Burgess @ CMS Consultants'],
      organizations: ['CMS Consultants'],
      problems: 0,
    });
  });

  it('reads firms by their words, "&", "|" and short capital tokens', () => {
    expect(summary('Equilibrium | Social Development Consulting').organizations).toEqual(['Equilibrium', 'Social Development Consulting']);
    expect(summary('Artival Research & Evaluation').organizations).toEqual(['Artival Research & Evaluation']);
    expect(summary('Zeta Associates').organizations).toEqual(['Zeta Associates']);
    expect(summary('Kappa RE').organizations).toEqual(['Kappa RE']);
    expect(summary('Octopus Consulting & Insight (OCI)')).toEqual({ persons: [], organizations: ['Octopus Consulting & Insight'], problems: 0 });
    expect(parseAuthors('Octopus Consulting & Insight (OCI)').organizations[0]!.acronym).toBe('OCI');
  });

  it('names IOM offices as IOM names them', () => {
    expect(parseAuthors('OIG').organizations).toEqual([expect.objectContaining({ name: 'IOM Office of the Inspector General', acronym: 'OIG', parent: 'International Organization for Migration' })]);
    expect(parseAuthors('IOM CENTRAL EVALUATION').organizations).toEqual([expect.objectContaining({ name: 'IOM Central Evaluation', kind: 'OTHER' })]);
  });

  it('splits people at commas, "and", "&", "y", "/" and ";", and reads citations', () => {
    expect(summary('Ginna Hernández, Diana Navarro y Fabio Camilo Rubio').persons).toEqual(['Ginna Hernández', 'Diana Navarro', 'Fabio Camilo Rubio']);
    expect(summary('Eleonora Castagnone & Alessia Alvisini').persons).toEqual(['Eleonora Castagnone', 'Alessia Alvisini']);
    expect(summary('Fabián Díaz/Lora Cirhirini').persons).toEqual(['Fabián Díaz', 'Lora Cirhirini']);
    expect(summary('Benson, A., Llanes, L., Velásquez, M.').persons).toEqual(['A. Benson', 'L. Llanes', 'M. Velásquez']);
    expect(summary('Dr. Lucas Sempé, Prof. Sara Lucchetti').persons).toEqual(['Lucas Sempé', 'Sara Lucchetti']);
    expect(summary('Baudoin Gers (externe), Laurent De Boeck (interne)').persons).toEqual(['Baudoin Gers', 'Laurent De Boeck']);
  });

  it('warns where it cannot be sure', () => {
    const capitals = parseAuthors('ANGELINE WAMBANDA');
    expect(capitals.persons.map((p) => p.name)).toEqual(['ANGELINE WAMBANDA']);
    expect(capitals.problems).toEqual(['"ANGELINE WAMBANDA" is written in capitals: taken as a person, though it could be an organisation\'s name']);
    const oneWord = parseAuthors('Språngbrädan');
    expect(oneWord.organizations.map((o) => o.name)).toEqual(['Språngbrädan']);
    expect(oneWord.problems).toEqual(['"Språngbrädan" is one word: taken as an organisation']);
    expect(parseAuthors('').persons).toEqual([]);
  });
});

describe('the Project Code cell', () => {
  it('gives one code per project whatever separates them', () => {
    expect(projectCodes('CS1137, CS1138').codes).toEqual(['CS1137', 'CS1138']);
    expect(projectCodes('CS1137 / CS1138').codes).toEqual(['CS1137', 'CS1138']);
    expect(projectCodes('TC.0270;TC.0350;TC.0270').codes).toEqual(['TC.0270', 'TC.0350']);
    expect(projectCodes('LM.0349 and LM.0455').codes).toEqual(['LM.0349', 'LM.0455']);
    expect(projectCodes('CS.0743 & CS.0820').codes).toEqual(['CS.0743', 'CS.0820']);
    expect(projectCodes('RT.1372 RT.1373').codes).toEqual(['RT.1372', 'RT.1373']);
    expect(projectCodes('BO10P0001 / CE.0350').codes).toEqual(['BO10P0001/CE.0350']);
    expect(projectCodes('').codes).toEqual([]);
    expect(projectCodes('N/A').codes).toEqual([]);
  });

  it('tidies what is broken, saying so', () => {
    expect(projectCodes('CS. 0948')).toEqual({ codes: ['CS.0948'], problems: ['"CS. 0948" read as one code, CS.0948'] });
    expect(projectCodes('PR.0219)').codes).toEqual(['PR.0219']);
    expect(projectCodes('Â\u00a0PR.0144').codes).toEqual(['PR.0144']);
    expect(projectCodes('â€¦')).toEqual({ codes: [], problems: ['"â€¦" holds no project code; left out'] });
    expect(projectCodes('Evaluation matrix, Evaluation Terms of Reference')).toEqual({ codes: [], problems: ['"Evaluation matrix, Evaluation Terms of Reference" holds no project code; left out'] });
    expect(projectCodes('AZE/98/005').codes).toEqual(['AZE-98-005']);
    expect(projectCodes('MD.0021 - MD.0026').codes).toEqual(['MD.0021', 'MD.0026']);
  });

  it('finds a project name only where the title states it', () => {
    expect(projectNamesInTitle('FINAL EVALUATION OF THE PROJECT “SUPPORT FOR REGULARIZATION IN TESTLAND.”').names).toEqual(['SUPPORT FOR REGULARIZATION IN TESTLAND']);
    expect(projectNamesInTitle('Final evaluation of the project: Sustaining test cooperation (STC)').names).toEqual(['Sustaining test cooperation (STC)']);
    expect(projectNamesInTitle('Evaluation du projet « Formations pour la reconstruction »').names).toEqual(['Formations pour la reconstruction']);
    expect(projectNamesInTitle('"Enhancing test protection" and "Enhancing test access to AVRR"').names).toEqual(['Enhancing test protection', 'Enhancing test access to AVRR']);
    expect(projectNamesInTitle('Ex-post Evaluation: Strengthening Internal Migration Policies in Bolivia').names).toEqual([]);
    expect(projectNamesInTitle("EVALUATION OF IOM'S LEVEL 3 EMERGENCY RESPONSES").names).toEqual([]);
  });
});

describe('countries', () => {
  it('gives ISO codes to names as the UN and IOM write them, and keeps Worldwide and unknown names without one', () => {
    expect(catalogueCountry('Bolivia (the Plurinational State of)').country).toEqual({ name: 'Bolivia (the Plurinational State of)', isoCode: 'BO' });
    expect(catalogueCountry('United States of America (the)').country.isoCode).toBe('US');
    expect(catalogueCountry('Viet Nam').country.isoCode).toBe('VN');
    expect(catalogueCountry('Kingdom of Tonga').country.isoCode).toBe('TO');
    expect(catalogueCountry('Hong Kong SAR').country.isoCode).toBe('HK');
    expect(catalogueCountry('UNSC Resolution -administered Kosovo')).toEqual({ country: { name: 'UNSC Resolution -administered Kosovo', isoCode: 'XK' } });
    expect(catalogueCountry('Worldwide')).toEqual({ country: { name: 'Worldwide' } });
    expect(catalogueCountry('Dominca')).toEqual({ country: { name: 'Dominica', isoCode: 'DM' }, problem: '"Dominca" is read as Dominica (DM)' });
    expect(catalogueCountry('Atlantis')).toEqual({ country: { name: 'Atlantis' }, problem: '"Atlantis" is not a country name known to ISO 3166 or IOM; kept without an ISO code' });
  });
});

describe('documents', () => {
  const base = 'https://evaluation.example.org/files/';
  it('matches each URL to the subtype and description its file name fits, not to the one in its position', () => {
    const { documents, problems } = readDocuments(
      `${base}X%20-%20Evaluation%20Brief.pdf,   ${base}X%20-%20Final%20report_0.pdf,   ${base}X%20-%20Management%20Response.docx`,
      'Management response, Evaluation brief, Evaluation report',
      'Management Response, Evaluation Brief , Evaluation Report',
    );
    expect(documents.map((d) => [d.url.slice(base.length), d.subtype, d.description])).toEqual([
      ['X%20-%20Evaluation%20Brief.pdf', 'Evaluation brief', 'Evaluation Brief'],
      ['X%20-%20Final%20report_0.pdf', 'Evaluation report', 'Evaluation Report'],
      ['X%20-%20Management%20Response.docx', 'Management response', 'Management Response'],
    ]);
    expect(problems).toEqual([]);
  });

  it('matches descriptions that are file names, even through double encoding', () => {
    const { documents } = readDocuments(`${base}A%2520Annexes.pdf,   ${base}A%2520Report.pdf`, 'Evaluation report, Annexes', 'A Report.pdf, A Annexes.pdf');
    expect(documents.map((d) => d.subtype)).toEqual(['Annexes', 'Evaluation report']);
  });

  it('guesses a subtype from the file name only when the counts disagree and the name is plain, and warns', () => {
    const { documents, problems } = readDocuments(`${base}Y%20Brief.pdf,   ${base}Y%20Final%20Report.pdf`, 'Evaluation report', 'Evaluation Report');
    expect(documents.map((d) => d.subtype)).toEqual([undefined, 'Evaluation report']);
    expect(problems.map((p) => p.column)).toEqual(['File URL', 'Document Subtype']);
    expect(readDocuments('not a url', '', '').problems).toEqual([{ column: 'File URL', message: '"not a url" is not an http(s) URL; left out' }]);
  });
});
