/**
 * The English catalogue: every string the UI shows. Keys are grouped by the
 * feature that shows them; plurals use i18next's _one/_other suffixes
 * (Intl.PluralRules), interpolation {{name}}.
 */
export const en = {
  app: {
    name: 'Commonplace',
    tagline: 'Team spaces and meeting notes, written together.',
    starting: 'Starting Commonplace…',
    noSuchNote: 'No such note',
    couldNotStart: 'Commonplace could not start',
    chooseSpace: 'Choose a space, or create one with “New space”.',
    loadingSpaces: 'Loading your spaces…',
    footer: '{{name}} {{version}} · {{platform}}',
  },
  ui: {
    notifications: 'Notifications',
    dismiss: 'Dismiss',
    close: 'Close',
    cancel: 'Cancel',
    moreActions: 'More actions',
  },
  signIn: {
    button: 'Sign in with your company account',
    busy: 'Signing in…',
  },
  account: {
    label: 'Account: {{name}}',
    signOut: 'Sign out',
    language: 'Language',
    languageSystem: 'System ({{language}})',
  },
  languages: {
    en: 'English',
    de: 'Deutsch',
  },
  nav: {
    sidebar: 'Sidebar',
    places: 'Places',
    collapse: 'Collapse the sidebar',
    expand: 'Show the sidebar',
    resize: 'Resize the sidebar',
  },
  tree: {
    home: 'Home',
    pages: 'Pages',
    syncing: 'No pages here yet (still syncing).',
    viewOnly: 'View only',
    newPage: 'New page',
    dropTop: 'Drop here to move to the top level',
  },
  presence: {
    label: 'People here',
    you: '{{name}} (you)',
    youSuffix: ' (you)',
    connecting: 'Connecting…',
    online: 'Online',
    offline: 'Offline',
    refused: 'Refused',
    connectionLabel: 'Connection to this note: {{state}}',
  },
  comments: {
    title: 'Comments',
    comment: 'Comment',
    newComment: 'New comment',
    threads: 'Comment threads',
    threadLabel: 'Comment on “{{quote}}”',
    messages: 'Messages',
    detached: 'The commented text was deleted.',
    unreadableMessages_one: '{{count}} unreadable message not shown.',
    unreadableMessages_other: '{{count}} unreadable messages not shown.',
    unreadableThreads_one: '{{count}} unreadable comment thread not shown.',
    unreadableThreads_other: '{{count}} unreadable comment threads not shown.',
    resolvedBy: 'Resolved by {{name}}',
    reply: 'Reply',
    resolve: 'Resolve',
    reopen: 'Reopen',
    showResolved: 'Show resolved ({{count}})',
    readOnly: 'You can read comments. Only people who can edit this note can comment.',
    selectFirst: 'Select some text of the note to comment on it.',
    couldNotSave: 'Could not save the comment: {{reason}}',
    placeholder: 'Write a comment; @ mentions someone',
    cannotComment: 'Only people who can edit this note can comment; your text stays here.',
    typeName: 'Type a name to mention someone',
    searching: 'Searching the directory…',
    mentionPerson: 'Mention a person',
  },
  editor: {
    loading: 'Loading the note from the relay…',
  },
  actionItem: {
    assign: 'Assign',
    someone: 'Someone',
    assignee: 'Assignee: {{name}}',
    notInDirectory: 'someone not in the directory',
    dueDate: 'Due date',
    due: 'Due {{day}}',
    dueOverdue: 'Due {{day}} (overdue)',
  },
  noteMenu: {
    label: 'Note actions',
    export: 'Export as Markdown',
    import: 'Import Markdown…',
    importFile: 'Markdown file to import',
    saveTemplate: 'Save as template…',
    history: 'Version history',
  },
  sync: {
    label: 'Sync status',
    online: 'All changes synced',
    offline: 'Offline',
    syncing: 'Syncing…',
    pendingNotes_one: '{{count}} note not yet synced',
    pendingNotes_other: '{{count}} notes not yet synced',
    changedOffline: 'Changed while you were offline',
    changedBy: '{{title}} by {{people}}',
    dismiss: 'Dismiss',
    refusedLabel: 'Changes the relay refused',
    refusedBefore: 'Your changes to ',
    refusedAfter: ' were not saved on the relay ({{reason}}). They are kept on this device.',
    exportMine: 'Export my changes as Markdown',
  },
} as const;

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every other language's catalogue must have: the same keys, all strings. */
export type Catalogue = Strings<typeof en>;
