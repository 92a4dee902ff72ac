import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from './DataTable';

/**
 * One dashboard figure: its title and a sentence that says the headline number,
 * the chart, and the numbers behind it one click away (a table in its place).
 */
export function ChartCard({ title, lead, chart, columns, rows, note }: {
  title: string;
  lead?: string;
  chart: ReactNode;
  columns: Column[];
  rows: ReactNode[][];
  note?: ReactNode;
}) {
  const { t } = useTranslation();
  const [table, setTable] = useState(false);
  const id = useId();
  const bodyId = `${id}-body`;
  return (
    <section className="lead-card" aria-labelledby={id}>
      <div className="lead-card-head">
        <h2 id={id}>{title}</h2>
        <button type="button" aria-pressed={table} aria-controls={bodyId} onClick={() => setTable((v) => !v)}>
          {table ? t('lead.chart.showChart') : t('lead.chart.showTable')}
        </button>
      </div>
      {lead && <p className="muted lead-lead">{lead}</p>}
      <div id={bodyId}>
        {table ? <DataTable caption={title} columns={columns} rows={rows} /> : chart}
      </div>
      {note && <div className="lead-note muted">{note}</div>}
    </section>
  );
}
