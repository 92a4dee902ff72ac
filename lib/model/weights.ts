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
  | 'intensity.count'
  | 'intensity.words'
  | 'intensity.bidirectional'
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

export const TIE_WEIGHTS: Record<SignalName, SignalWeight> = {
  recency: {
    weight: -1.2, ref: 365, cap: 1.5,
    why: 'days since the last interaction, note or purchase; G&K: days since last communication, one of the strongest predictors, negative',
  },
  duration: {
    weight: 1.0, ref: 3 * 365, cap: 1.2,
    why: 'days since the first interaction; G&K: days since first communication, positive (duration dimension); Granovetter: amount of time',
  },
  'intensity.count': {
    weight: 0.9, ref: 50, cap: 1.3,
    why: 'number of interactions and notes; G&K intensity dimension (wall posts, messages exchanged)',
  },
  'intensity.words': {
    weight: 0.8, ref: 2000, cap: 1.2,
    why: 'words in notes and interaction summaries; G&K: words exchanged, among the strongest intensity variables',
  },
  'intensity.bidirectional': {
    weight: 0.4, ref: 10, cap: 1.2,
    why: 'interactions in the less frequent direction, min(in, out): reciprocated communication (G&K inbound and outbound messages); one-way mailings score 0',
  },
  'intimacy.topics': {
    weight: 1.3, ref: 5, cap: 1.2,
    why: 'distinct personal topics in notes (family, hobbies, home town…); G&K: intimacy carried the most predictive power (intimacy words, mutual confiding — Granovetter)',
  },
  'intimacy.firstName': {
    weight: 0.3, cap: 1,
    why: 'notes call the contact by first name or nickname alone; a weak intimacy cue',
  },
  'reciprocity.purchases': {
    weight: 0.5, ref: 10, cap: 1.2,
    why: 'purchases made; Granovetter: reciprocal services',
  },
  'reciprocity.referrals': {
    weight: 0.8, ref: 3, cap: 1.3,
    why: 'referrals given and introductions made by the contact; Granovetter reciprocal services, and the mark of an advocate (Üstüner & Godes stage 4)',
  },
  'structural.degree': {
    weight: 0.5, cap: 1,
    why: '1st-degree connection / friend = 1, 2nd = 0.3, 3rd = 0; G&K structural dimension',
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
    why: 'connection/friend count above ~150, 1 at 30,000 (log scale); G&K: friend count negative — open networkers (LIONs) are weak ties',
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
/** A contact with at least this many connections counts as an open networker. */
export const OPEN_NETWORKER = 500;
