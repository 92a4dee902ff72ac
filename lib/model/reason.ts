// A machine-readable reason behind a judgement. The UI translates `code` (and
// formats `detail`); lib/ never produces sentences.
export interface Reason {
  code: string;
  detail?: Record<string, string | number | boolean | null | string[]>;
  /** the reason's signed share in the judgement, when it has one */
  weight?: number;
}

