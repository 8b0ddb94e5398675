/**
 * Demo employees of the development IdP. Fictional people at a fictional
 * company (`example.com`, reserved by RFC 2606), plus one contractor at a
 * partner domain so the relay's `--allowed-domains` policy can be tried out.
 */
export interface Employee {
  /** Stable subject identifier, as a real IdP would issue (never the email). */
  readonly sub: string;
  readonly name: string;
  readonly email: string;
  readonly department: string;
  readonly title: string;
  /** IdP groups, sent in the `groups` claim; the relay's admins are one of them. */
  readonly groups?: readonly string[];
}

/** The group the relay treats as company admins when it runs this development IdP. */
export const DEMO_ADMIN_GROUP = 'commonplace-admins';

export const DEMO_EMPLOYEES: readonly Employee[] = [
  {
    sub: 'emp-1001',
    name: 'Ada Lovelace',
    email: 'ada.lovelace@example.com',
    department: 'Engineering',
    title: 'Principal Engineer',
  },
  {
    sub: 'emp-1002',
    name: 'Grace Hopper',
    email: 'grace.hopper@example.com',
    department: 'Engineering',
    title: 'Engineering Manager',
  },
  {
    sub: 'emp-1003',
    name: 'Katherine Johnson',
    email: 'katherine.johnson@example.com',
    department: 'Research',
    title: 'Data Scientist',
  },
  {
    sub: 'emp-1004',
    name: 'Alan Turing',
    email: 'alan.turing@example.com',
    department: 'Product',
    title: 'Product Manager',
  },
  {
    sub: 'emp-1005',
    name: 'Hedy Lamarr',
    email: 'hedy.lamarr@example.com',
    department: 'Design',
    title: 'Product Designer',
    // The demo's company admin (HR, legal and IT security see the Admin view through her).
    groups: [DEMO_ADMIN_GROUP],
  },
  {
    sub: 'ext-2001',
    name: 'Charles Babbage',
    email: 'charles.babbage@partner.example.org',
    department: 'External',
    title: 'Contractor',
  },
];
