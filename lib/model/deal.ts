// A deal (an opportunity) as the model reads it. Imports do not carry deals yet;
// the assess command and the model take them as input (issue 20).
import { z } from 'zod';

export const DealInput = z.object({
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
});
export type Deal = z.infer<typeof DealInput>;

/** The deal that speaks for the relation now: an open one first, else the last closed. */
export function currentDeal(deals: readonly Deal[] | undefined): Deal | null {
  const list = deals ?? [];
  const open = list.filter((d) => d.status === 'open').sort((a, b) => (b.openedAt ?? 0) - (a.openedAt ?? 0));
  if (open.length) return open[0];
  const closed = list.filter((d) => d.status !== 'open').sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
  return closed[0] ?? null;
}
