/**
 * The development IdP's demo employees as directory entries, provisioned at
 * start through the same path as SCIM, so the demo's people search lists
 * colleagues who have never signed in and they can be invited before they do.
 */
import { DEMO_EMPLOYEES } from '../../idp/employees.ts';
import type { DirectoryEntry } from './types.ts';

export function demoDirectory(): DirectoryEntry[] {
  return DEMO_EMPLOYEES.map((employee) => ({
    // The IdP's subject doubles as the SCIM id: stable across restarts.
    scimId: employee.sub,
    userName: employee.email,
    name: employee.name,
    title: employee.title,
    department: employee.department,
    active: true,
  }));
}
