/** Free text becomes a Lucene query for the Neo4j full-text index without any of Lucene's syntax getting through. */
import { describe, expect, it } from 'vitest';
import { luceneQuery } from '../../src/store/neo4j/store.js';

describe('luceneQuery', () => {
  it('keeps words and adds their stems as prefixes (also a word that is its own stem), dropping stop words', () => {
    expect(luceneQuery('Approval processes for the Government')).toBe('approval OR approval* OR processes OR process* OR government OR govern*');
  });

  it('lets no Lucene operator, field, wildcard or quote through', () => {
    const query = luceneQuery('title:"x" AND (y OR z)~2 ^3 \\ * ? [a TO b] {c} -d +e && || !f /re/');
    expect(query).toMatch(/^[a-z0-9* ]+( OR [a-z0-9*]+)*$/);
    expect(query.split(' OR ')).not.toContain('and');
    expect(query).not.toMatch(/[:"()~^\\?[\]{}+!/&|-]/);
  });

  it('folds accents and case like the stored searchText', () => {
    expect(luceneQuery('Estadística ÉTICA')).toBe('estadistica OR estadistica* OR etica OR etica*');
    expect(luceneQuery('the and of')).toBe('');
  });
});
