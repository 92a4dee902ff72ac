// A deal (an opportunity) as the model reads it: from the deals table (imports of
// CRM deals, lib/import/deals.ts) or the assess command's input (issue 20).
import { z } from 'zod';
import type { Deal as StoredDeal } from '../domain/entities';
import { lazySchema } from '../domain/lazy-schema';

export const DealInput = lazySchema(() => z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  /** the CRM's own stage name ("qualification", "proposal", "negotiation"…), shown as is */
  stage: z.string().optional(),
  amount: z.number().nonnegative().optional(),
  currency: z.string().optional(),
  status: z.enum(['open', 'won', 'lost']),
  /** epoch ms */
  openedAt: z.number().optional(),
  /** epoch ms; for won and lost deals */
  closedAt: z.number().optional(),
}));
export type Deal = z.infer<typeof DealInput>;

/** The deal that speaks for the relation now: an open one first, else the last closed. */
export function currentDeal(deals: readonly Deal[] | undefined): Deal | null {
  const list = deals ?? [];
  const open = list.filter((d) => d.status === 'open').sort((a, b) => (b.openedAt ?? 0) - (a.openedAt ?? 0));
  if (open.length) return open[0];
  const closed = list.filter((d) => d.status !== 'open').sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
  return closed[0] ?? null;
}

/**
 * Stored deals as the model reads them: deals only (a lead is the person, already a
 * prospect), and only with an outcome the file said (a deal "closed" without saying
 * won or lost is left out rather than guessed).
 */
export function dealInputs(stored: readonly StoredDeal[] | undefined): Deal[] {
  const out: Deal[] = [];
  for (const s of stored ?? []) {
    if (s.kind !== 'deal' || s.status === 'closed') continue;
    const d: Deal = { id: s.id, status: s.status };
    if (s.title) d.name = s.title;
    if (s.stage) d.stage = s.stage;
    if (s.amount !== undefined) d.amount = s.amount;
    if (s.currency) d.currency = s.currency;
    if (s.openedAt !== undefined) d.openedAt = s.openedAt;
    if (s.closedAt !== undefined) d.closedAt = s.closedAt;
    out.push(d);
  }
  return out;
}
