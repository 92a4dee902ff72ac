import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis, type LabelProps } from 'recharts';
import { useTranslation } from 'react-i18next';

/** Every bar's value written beside it, zero included (a zero bar has no width to label). */
function valueLabel(p: LabelProps, horizontal: boolean) {
  const x = Number(p.x ?? 0), y = Number(p.y ?? 0), w = Number(p.width ?? 0), h = Number(p.height ?? 0);
  const at = horizontal ? { x: x + w + 6, y: y + h / 2, dominantBaseline: 'central' as const } : { x: x + w / 2, y: y - 6, textAnchor: 'middle' as const };
  return <text {...at} fill="#1c2430" fontSize={12} fontWeight={600}>{String(p.value ?? '')}</text>;
}

interface TickProps { x?: number | string; y?: number | string; index?: number; payload?: { value?: unknown; index?: number } }

const LINE = 24;

/**
 * A category's name in at most two lines of about LINE characters, broken at a
 * space: long Russian names ("Слабая связь: потенциальный клиент") were cut at
 * both ends by the axis. Beyond two lines the rest is cut; the <title>, the
 * chart's label and the table have the name whole.
 */
export function tickLines(name: string): string[] {
  if (name.length <= LINE) return [name];
  const at = name.lastIndexOf(' ', LINE);
  const cut = at > 0 ? at : LINE;
  const first = name.slice(0, cut).trim();
  const rest = name.slice(cut).trim();
  return [first, rest.length > LINE ? `${rest.slice(0, LINE - 1)}…` : rest];
}

/** A category's name at its tick; and a zero bar (which has no label of its own) gets its "0" here. */
function categoryTick(p: TickProps, data: Bar1[], horizontal: boolean) {
  const x = Number(p.x ?? 0), y = Number(p.y ?? 0);
  const i = p.payload?.index ?? p.index ?? 0;
  const zero = data[i]?.value === 0;
  const name = String(p.payload?.value ?? '');
  if (horizontal) {
    const lines = tickLines(name);
    return (
      <g>
        <title>{name}</title>
        <text x={x} y={y} textAnchor="end" dominantBaseline="central" fill="#1c2430" fontSize={12}>
          {lines.map((l, k) => <tspan key={k} x={x} dy={k === 0 ? `${-(lines.length - 1) * 0.6}em` : '1.2em'}>{l}</tspan>)}
        </text>
        {zero && <text x={x + 16} y={y} dominantBaseline="central" fill="#1c2430" fontSize={12} fontWeight={600}>0</text>}
      </g>
    );
  }
  return (
    <g>
      <text x={x} y={y + 4} textAnchor="end" dominantBaseline="hanging" transform={`rotate(-40, ${x}, ${y + 4})`} fill="#1c2430" fontSize={11}>{name}</text>
      {zero && <text x={x} y={y - 14} textAnchor="middle" fill="#5b6675" fontSize={11} fontWeight={600}>0</text>}
    </g>
  );
}

export interface Bar1 { label: string; value: number }

/**
 * Horizontal bars, one per category, each labelled with its name and its value:
 * nothing depends on telling colours apart. Screen readers get the same numbers
 * as one sentence (and the table is one click away).
 */
export function CountBarChart({ title, data, horizontal = true }: { title: string; data: Bar1[]; horizontal?: boolean }) {
  const { t } = useTranslation();
  const summary = t('lead.chart.summary', { title, list: data.map((d) => `${d.label} ${d.value}`).join(', ') });
  const height = horizontal ? 40 + data.length * 34 : 240;
  return (
    <div role="img" aria-label={summary} className="lead-chart">
      <BarChart
        responsive
        style={{ width: '100%', height }}
        data={data}
        layout={horizontal ? 'vertical' : 'horizontal'}
        margin={{ top: 16, right: 40, bottom: 4, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={190} tick={(p: TickProps) => categoryTick(p, data, true)} />
          </>
        ) : (
          <>
            <XAxis type="category" dataKey="label" tick={(p: TickProps) => categoryTick(p, data, false)} interval={0} height={48} />
            <YAxis type="number" allowDecimals={false} width={32} />
          </>
        )}
        <Bar dataKey="value" fill="#3450c8" isAnimationActive={false} maxBarSize={26}>
          <LabelList dataKey="value" content={(p: LabelProps) => valueLabel(p, horizontal)} />
        </Bar>
      </BarChart>
    </div>
  );
}
