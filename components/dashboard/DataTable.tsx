import type { ReactNode } from 'react';

export interface Column { label: string; numeric?: boolean }

/** The numbers behind a chart or list: a plain table with a caption and headed columns. */
export function DataTable({ caption, columns, rows, id }: { caption: string; columns: Column[]; rows: ReactNode[][]; id?: string }) {
  return (
    <table id={id} className="lead-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>{columns.map((c, i) => <th key={i} scope="col" className={c.numeric ? 'num' : undefined}>{c.label}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>{r.map((cell, j) => (j === 0
            ? <th key={j} scope="row">{cell}</th>
            : <td key={j} className={columns[j]?.numeric ? 'num' : undefined}>{cell}</td>))}</tr>
        ))}
      </tbody>
    </table>
  );
}
