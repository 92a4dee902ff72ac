// The tie-strength model's weights, as data, in one place.
//
// Form (Gilbert & Karahalios, "Predicting Tie Strength With Social Media", CHI
// 2009): a linear model over log-transformed signals. Each signal is scaled to
// about [0, 1] by `log1p(x) / log1p(ref)` (capped), multiplied by its weight;
// the sum plus BIAS goes through a logistic, so the score is in (0, 1) and each
// contribution is additive on the logit scale (contributions + bias = logit).
//
// G&K fitted 70+ variables on 2,184 rated Facebook ties; we observe far fewer, so
// the weights below are not their coefficients but keep their signs and their
// ranking of dimensions: intimacy, intensity and duration carry most of the
// predictive power; days since last communication is among the strongest
// negative predictors; days since first communication positive; the contact's
// friend count negative (people with huge networks are weak ties); educational
// (social) distance negative; mean strength of mutual friends positive
// (structural). Granovetter (1973) adds reciprocal services. Calibrated so that
// a weekly, two-year, personal, reciprocal relation scores above 0.9 and a single
// contact months ago with an open networker below 0.15 (see tests).

export type SignalName =
  | 'recency'
  | 'duration'
  | 'intensity.conversations'
  | 'intensity.replies'
  | 'intensity.sends'
  | 'intensity.words'
  | 'reciprocity.unanswered'
  | 'reciprocity.gate'
  | 'intimacy.topics'
  | 'intimacy.firstName'
  | 'reciprocity.purchases'
  | 'reciprocity.referrals'
  | 'structural.degree'
  | 'structural.mutual'
  | 'distance.shared'
  | 'networkSize';

export interface SignalWeight {
  weight: number;
  /** the raw value that scales to 1 (log1p scale), where the signal is a count or a span */
  ref?: number;
  /** the scaled value never exceeds this */
  cap: number;
  /** why this weight, and where it comes from */
  why: string;
}

// Issue 20 (judged on everyday B2B situations): reciprocity over volume. The
// rep's own sends count little; replies, meetings and calls count most; a run of
// unanswered sends counts against; no strong tie without a reply or a meeting
// (the gate). Intimacy keeps its G&K rank but no longer dominates: business
// closeness (meetings, replies, introductions) can make a strong tie on its own.
export const TIE_WEIGHTS: Record<SignalName, SignalWeight> = {
  recency: {
    weight: -1.8, ref: 365, cap: 1.5,
    why: 'days since the last interaction, note or purchase, counted only after the first RECENCY_GRACE_DAYS (a month without contact is normal in B2B); G&K: days since last communication, one of the strongest predictors, negative',
  },
  duration: {
    weight: 1.0, ref: 3 * 365, cap: 1.2,
    why: 'days from the first to the last contact (a relation that stopped long ago does not keep growing); G&K: days since first communication, positive; Granovetter: amount of time',
  },
  'intensity.conversations': {
    weight: 1.4, ref: 12, cap: 1.3,
    why: 'meetings and calls, either direction: two-way by nature, the strongest sign of engagement in B2B sales; G&K intensity dimension',
  },
  'intensity.replies': {
    weight: 1.0, ref: 12, cap: 1.3,
    why: 'e-mails and chats from the contact (inbound): reciprocated communication; G&K inbound messages',
  },
  'intensity.sends': {
    weight: 0.2, ref: 50, cap: 1,
    why: "the rep's own e-mails and chats (outbound): volume, not a tie; kept small so that 25 unanswered e-mails never look like engagement",
  },
  'intensity.words': {
    weight: 0.4, ref: 2000, cap: 1.2,
    why: "words in notes and interaction summaries; G&K: words exchanged (here mostly the rep's own, hence a small weight)",
  },
  'reciprocity.unanswered': {
    weight: -0.8, ref: 10, cap: 1.3,
    why: 'sends since the last reply, meeting or call (a run of unanswered e-mails): the contact is not answering; Granovetter: a tie is reciprocal',
  },
  'reciprocity.gate': {
    weight: 1, cap: 100,
    why: 'no reply, meeting, call or referral from the contact ever: the score is held just below the strong threshold (no strong tie without reciprocity); the value is the logit taken off',
  },
  'intimacy.topics': {
    weight: 1.0, ref: 5, cap: 1.2,
    why: 'distinct personal topics in notes, as phrases in context (his kids, runs marathons, бегает марафоны); G&K: intimacy carried much of the predictive power (mutual confiding — Granovetter)',
  },
  'intimacy.firstName': {
    weight: 0.3, cap: 1,
    why: 'notes call the contact by first name or nickname alone; a weak intimacy cue',
  },
  'reciprocity.purchases': {
    weight: 0.5, ref: 10, cap: 1.2,
    why: 'purchases made and deals won; Granovetter: reciprocal services',
  },
  'reciprocity.referrals': {
    weight: 0.8, ref: 3, cap: 1.3,
    why: 'referrals given and introductions made by the contact (inside the account or out); Granovetter reciprocal services, and the mark of an advocate (Üstüner & Godes stage 4)',
  },
  'structural.degree': {
    weight: 0.5, cap: 1,
    why: '1st-degree connection / friend = 1, 2nd = 0.3, 3rd = 0, as the page shows it; G&K structural dimension',
  },
  'structural.mutual': {
    weight: 0.6, ref: 100, cap: 1.3,
    why: 'mutual connections; G&K: mean strength of mutual friends among the strongest variables (we see only their count)',
  },
  'distance.shared': {
    weight: 0.6, cap: 1,
    why: 'shared employer, school, city, language with the rep (share of the four); G&K: educational difference negative, social distance (Lin)',
  },
  networkSize: {
    weight: -0.8, cap: 1.2,
    why: 'connection/friend count above ~150, 1 at 30,000 (log scale; LinkedIn\'s "500+" counts as 500, its lower bound); G&K: friend count negative — open networkers (LIONs) are weak ties',
  },
};

/** Logit offset: with no evidence at all the score is logistic(BIAS) ≈ 0.12. */
export const TIE_BIAS = -2.0;

/** At or above: a strong tie. */
export const STRONG_TIE = 0.6;
/** Below: a weak tie; between the two, medium. */
export const WEAK_TIE = 0.35;

/** Below this network size the networkSize signal is 0 (Dunbar's number). */
export const NETWORK_SIZE_FLOOR = 150;
/** At this size the networkSize signal reaches 1 (LinkedIn open networkers). */
export const NETWORK_SIZE_LION = 30_000;
/** A contact with at least this many connections or friends (a count the page
 *  shows exactly, not LinkedIn's capped "500+") counts as an open networker. */
export const OPEN_NETWORKER = 3000;
/** LinkedIn shows at most "500+" connections; its followers tell an open networker. */
export const OPEN_NETWORKER_FOLLOWERS = 10_000;
/** LinkedIn caps the connection count it shows at this value ("500+"). */
export const LINKEDIN_CONNECTIONS_CAP = 500;

/** Recency is flat for this many days, then falls (B2B contacts talk monthly). */
export const RECENCY_GRACE_DAYS = 30;
/** At least this many sends since the last reply or meeting: "not answering". */
export const UNANSWERED_RUN = 3;
/** A strong tie (at its last contact) silent this long is lapsed. */
export const LAPSED_DAYS = 180;
/** A customer silent this long is dormant. */
export const DORMANT_DAYS = 365;
/** A purchase this recent makes a customer a referral-advocate candidate. */
export const RECENT_PURCHASE_DAYS = 365;
/** A deal won this recently: ask for a reference (a case study, a call with a prospect). */
export const FRESH_WIN_DAYS = 180;
