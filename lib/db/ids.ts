/** A new record id (every table's primary key): the one rule is lib/domain/ids.ts. */
export { newId } from '../domain/ids';
