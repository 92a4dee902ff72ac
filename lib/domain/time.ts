/** One day in milliseconds: every date in the domain is epoch milliseconds. */
export const DAY = 86_400_000;
