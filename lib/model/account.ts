// The account view (issue 20): per organisation, everyone the rep knows there with
// tag, tie and role, the stage the account is in, and what the network lacks for
// that stage (Üstüner & Godes: stage 2 needs a dense, cliquish network of strong
// ties inside the buying organisation; stage 4 strong ties to customers who refer).
import type { NetworkType, Relation, Stage } from '../domain/entities';
import { STRONG_TIE } from './weights';

export interface AccountMember {
  id?: string;
  name: string;
  role?: string;
  networkType?: NetworkType;
  stage?: Stage | null;
  tieScore?: number;
  relation?: Relation;
}

export type AccountGap =
  /** no strong tie inside: develop the strongest contact into a champion */
  | { code: 'no-champion'; detail: { candidate: string | null } }
  /** one strong tie only: if that person leaves or stalls, the deal does too */
  | { code: 'single-threaded'; detail: { champion: string } }
  /** a customer account with nobody who refers */
  | { code: 'no-referral-advocate'; detail: { ask: string | null } };

export interface AccountView {
  company: string;
  stage: Stage;
  /** strongest tie first; the rep's own colleagues and partners are left out */
  members: AccountMember[];
  gaps: AccountGap[];
}

/** A strong tie: by its score when known (an advocate candidate may be a weak tie), else by its tag. */
const strong = (m: AccountMember) =>
  m.tieScore !== undefined ? m.tieScore >= STRONG_TIE : m.networkType === 'strong-tie-champion' || m.networkType === 'referral-advocate';

/** The account's stage and what its network lacks, from the contacts the rep knows there. */
export function accountView(company: string, all: AccountMember[]): AccountView {
  const members = all
    .filter((m) => m.networkType !== 'team' && m.relation !== 'colleague' && m.relation !== 'partner')
    .sort((a, b) => (b.tieScore ?? 0) - (a.tieScore ?? 0) || a.name.localeCompare(b.name));
  const customer = members.some((m) => m.relation === 'customer' || m.networkType === 'referral-advocate' || m.stage === 'closing-referrals');
  const champions = members.filter(strong);
  const stage: Stage = customer ? 'closing-referrals' : champions.length || members.some((m) => m.stage === 'entering-account') ? 'entering-account' : 'prospecting';
  const gaps: AccountGap[] = [];
  if (!champions.length) gaps.push({ code: 'no-champion', detail: { candidate: members[0]?.name ?? null } });
  else if (champions.length === 1) gaps.push({ code: 'single-threaded', detail: { champion: champions[0].name } });
  if (customer && !members.some((m) => m.networkType === 'referral-advocate'))
    gaps.push({ code: 'no-referral-advocate', detail: { ask: (champions[0] ?? members[0])?.name ?? null } });
  return { company, stage, members, gaps };
}
