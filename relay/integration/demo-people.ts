/**
 * The dev IdP's demo employees (idp/employees.ts) by subject, as the relay's
 * REST and access tests use them.
 */
export const ADA = 'emp-1001' as const;
export const GRACE = 'emp-1002' as const;
export const KATHERINE = 'emp-1003' as const;
export const ALAN = 'emp-1004' as const;

/** One of the four demo people. */
export type DemoPerson = typeof ADA | typeof GRACE | typeof KATHERINE | typeof ALAN;

/** All four, in this order. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [ADA, GRACE, KATHERINE, ALAN];
