/**
 * A table whose rows can be downloaded as CSV exactly as shown: each column says the text of a
 * cell once (`text`), the cell shows that text (inside a link when `href` gives one), and the
 * CSV holds the same texts under the same headers.
 */
import type { ReactNode } from 'react';
import { download, fileName, toCsv } from '../csv';

export interface Column<Row> {
  readonly header: string;
  /** The cell's text, as shown and as exported (one line). */
  readonly text: (row: Row) => string;
  /** Where the cell's text links to. */
  readonly href?: (row: Row) => string | undefined;
  /** Extra content shown after the text (not exported), e.g. a badge. */
  readonly after?: (row: Row) => ReactNode;
  readonly className?: string;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function DataTable<Row>(props: {
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  /** Names the downloaded file. */
  readonly exportName: string;
  readonly caption?: string;
  readonly empty?: ReactNode;
  readonly testId?: string;
}) {
  const { columns, rows } = props;
  const cells = rows.map((row) => columns.map((c) => oneLine(c.text(row))));
  const exportCsv = () => download(fileName(props.exportName), toCsv(columns.map((c) => c.header), cells));
  if (!rows.length) return <p className="empty">{props.empty ?? 'Nothing to show.'}</p>;
  return (
    <div className="table-block" data-table={props.testId ?? props.exportName}>
      <div className="table-tools">
        {props.caption ? <span className="caption">{props.caption}</span> : <span />}
        <button type="button" className="link-button" onClick={exportCsv} data-export>
          Download CSV
        </button>
      </div>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} className={c.className}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {columns.map((c, i) => {
                  const link = c.href?.(row);
                  const text = cells[r]![i]!;
                  return (
                    <td key={c.header} className={c.className}>
                      <span className="cell" data-cell>
                        {link && text ? (
                          /^https?:/.test(link) ? (
                            <a href={link} target="_blank" rel="noopener noreferrer">
                              {text}
                            </a>
                          ) : (
                            <a href={link}>{text}</a>
                          )
                        ) : (
                          text
                        )}
                      </span>
                      {c.after?.(row)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
