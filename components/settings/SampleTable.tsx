import { useTranslation } from 'react-i18next';

/** The file's header and first rows, as text. */
export function SampleTable({ headers, rows }: { headers: string[]; rows: string[][] }) {
  const { t } = useTranslation();
  return (
    <div className="sample">
      <h4>{t('data.import.firstRows')}</h4>
      <div className="scroll-x">
        <table>
          <thead>
            <tr>{headers.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>{headers.map((_, j) => <td key={j}>{r[j] ?? ''}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
