/** A new record id (every table's primary key). */
export const newId = (): string => crypto.randomUUID();
