import { accountView } from '../../lib/model/account';

describe('accountView: the stage an account is in and what its network lacks', () => {
  it('no strong tie yet: prospecting, develop the strongest contact into a champion', () => {
    const v = accountView('Acme', [{ name: 'Boris', tieScore: 0.2 }, { name: 'Vera', tieScore: 0.4, role: 'CTO' }]);
    expect(v.stage).toBe('prospecting');
    expect(v.members.map((m) => m.name)).toEqual(['Vera', 'Boris']);
    expect(v.gaps).toEqual([{ code: 'no-champion', detail: { candidate: 'Vera' } }]);
  });

  it('one champion only: entering the account, single-threaded', () => {
    const v = accountView('Acme', [{ name: 'Ivan', tieScore: 0.8, networkType: 'strong-tie-champion' }, { name: 'Boris', tieScore: 0.1 }]);
    expect(v.stage).toBe('entering-account');
    expect(v.gaps).toEqual([{ code: 'single-threaded', detail: { champion: 'Ivan' } }]);
  });

  it('two strong ties: a dense network, nothing lacking; colleagues are not the account', () => {
    const v = accountView('Acme', [
      { name: 'Ivan', tieScore: 0.8 }, { name: 'Nina', tieScore: 0.7 }, { name: 'Our SE', networkType: 'team', tieScore: 0.9 },
    ]);
    expect(v.members.map((m) => m.name)).toEqual(['Ivan', 'Nina']);
    expect(v.gaps).toEqual([]);
  });

  it('a customer account with nobody who refers: ask the strongest tie', () => {
    const v = accountView('Acme', [{ name: 'Ivan', tieScore: 0.8, relation: 'customer', networkType: 'strong-tie-champion' }, { name: 'Olga', tieScore: 0.7 }]);
    expect(v.stage).toBe('closing-referrals');
    expect(v.gaps).toEqual([{ code: 'no-referral-advocate', detail: { ask: 'Ivan' } }]);
    expect(accountView('Acme', [{ name: 'Ivan', tieScore: 0.8, relation: 'customer', networkType: 'referral-advocate' }, { name: 'Olga', tieScore: 0.7 }]).gaps).toEqual([]);
  });
});

describe('accountView: strength by score', () => {
  it('a weak advocate candidate is no champion: the account still lacks one', () => {
    const v = accountView('Acme', [{ name: 'Emma', tieScore: 0.03, relation: 'customer', networkType: 'referral-advocate' }]);
    expect(v.gaps).toEqual([{ code: 'no-champion', detail: { candidate: 'Emma' } }]);
  });
});
