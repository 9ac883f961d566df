/**
 * Cypher is never assembled from values: no source file under src/ holds Cypher text (it all
 * lives in graph/*.cypher), and the statement catalogue is the only way text reaches the driver.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/api.js';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(entries.map((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : Promise.resolve([path.join(dir, e.name)]))));
  return files.flat().filter((f) => f.endsWith('.ts'));
}

// Clauses as they appear in statements: a keyword followed by a pattern, a parameter or a list.
const CYPHER = /\b(MATCH|MERGE|CREATE)\s*\(|\bUNWIND\s+[$[]|\bDETACH\s+DELETE\b|\bCALL\s*\{|\bRETURN\s+\w+(\.\w+)?\s+AS\b/;

describe('Cypher in source code', () => {
  it('appears nowhere under src/: statements live in graph/ and are expanded from model constants only', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(path.join(ROOT, 'src'))) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        if (CYPHER.test(line) && !line.trim().startsWith('*') && !line.trim().startsWith('//')) offenders.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('the detector itself recognises Cypher built in code', () => {
    const samples = ['const q = `MATCH (n:${label}) RETURN n`;', "run('UNWIND $rows AS row MERGE (n {id: row.id})')", 'text = "MATCH (n) DETACH DELETE n"', "q = 'RETURN n.id AS id'"];
    for (const sample of samples) expect(CYPHER.test(sample), sample).toBe(true);
  });
});
