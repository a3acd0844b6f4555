import type { Messages } from './zh-CN'

export const en: Messages = {
  app: { title: 'Complaint Desk', subtitle: 'Front-desk complaint handling', language: 'Language', loading: 'Loading…' },
  nav: { home: 'Home', cases: 'Complaints', newCase: 'New complaint', settings: 'Settings', signOut: 'Sign out', signedInAs: 'Signed in: {{name}} ({{role}})' },
  actions: {
    save: 'Save', signIn: 'Sign in', signOut: 'Sign out', newCase: 'New complaint', cancel: 'Cancel', search: 'Search',
    reset: 'Clear filters', retry: 'Retry', back: 'Back to list', add: 'Add', startSetup: 'Finish set-up and sign in',
  },
  shortcut: { newCase: 'Shortcut F2: new complaint' },
  roles: { manager: 'Manager', staff: 'Staff' },
  setup: {
    title: 'First-run set-up',
    intro: 'Enter this branch and create the first manager. Managers add staff and departments under Settings.',
    branch: 'Branch', branchName: 'Branch name', branchCode: 'Branch code',
    manager: 'First manager', managerName: 'Manager name', pin: 'PIN (4–8 digits)', pinConfirm: 'Repeat PIN',
  },
  signIn: { title: 'Staff sign-in', staff: 'Staff name', pin: 'PIN', choose: 'Choose' },
  fields: {
    number: 'Case number', receivedAt: 'Received at', channel: 'Channel', customerName: 'Customer name', phone: 'Phone',
    customerType: 'Customer type', customerStyle: 'Customer style', mood: 'Mood', department: 'Department',
    product: 'Product / service', amount: 'Amount (¥)', receiptNo: 'Receipt / order no.', category: 'Category',
    description: 'Description', demand: 'Demand', demandNote: 'Demand details', situations: 'Urgent situations',
    fault: 'Fault', resolvedAtDesk: 'Resolved at the desk', staff: 'Received by', status: 'Status', caseClass: 'Class',
    createdAt: 'Logged at', branch: 'Branch',
  },
  hints: {
    branchCode: 'Used on case numbers and reports, e.g. SH01', customerName: 'Write 匿名 (anonymous) if the customer declines', phone: 'Mobile or landline, e.g. 13812341234, 021-12345678',
    amount: 'Zero or more, at most two decimals', description: "In the customer's own words", situations: 'Any of these: tell a manager now',
  },
  options: {
    channel: { counter: 'Counter', phone: 'Phone', email: 'Email', online: 'Online / social media', box: 'Complaint box', other: 'Other' },
    customerType: {
      regular: 'Regular', member: 'Member', vip_large_account: 'VIP – large account', vip_public_figure: 'VIP – public figure',
      vip_government: 'VIP – government official', vip_journalist: 'VIP – journalist', frequent: 'Frequent complainer',
    },
    customerStyle: { friendly: 'Friendly', dominant: 'Dominant', analytical: 'Analytical', self_centred: 'Self-centred' },
    mood: { calm: 'Calm', upset: 'Upset', angry: 'Angry' },
    category: {
      product_quality: 'Product quality', service_attitude: 'Service attitude', price_billing: 'Price or billing',
      cashier_error: 'Cashier error', after_sales: 'After-sales and returns', delivery: 'Delivery',
      usage_difficulty: 'Usage difficulty', premises: 'Premises and facilities', safety_health: 'Safety and health', other: 'Other',
    },
    demand: { apology: 'Apology', refund: 'Refund', exchange: 'Exchange', repair: 'Repair', compensation: 'Compensation', explanation: 'Explanation', other: 'Other' },
    situations: {
      injury_or_harm: 'Injury or health harm', fire_or_hazard: 'Fire or safety hazard', crowd_incident: 'Crowd incident',
      media_present: 'Media present', violence_threat: 'Threat of violence', large_loss: 'Large financial loss',
    },
    fault: { ours: 'Ours', customer: 'Customer', unclear: 'Unclear' },
    resolvedAtDesk: { pending: 'Not yet', yes: 'Yes', no: 'No' },
    status: {
      received: 'Received', in_progress: 'In progress', resolved: 'Resolved', reported: 'Reported', followed_up: 'Followed up',
      closed: 'Closed', voided: 'Voided',
    },
    caseClass: { '1': 'Class 1', '2': 'Class 2', none: 'Not classified' },
  },
  intake: {
    title: 'Intake', customer: 'Receipt and customer', complaint: 'Complaint details', handling: 'At the desk',
    saved: 'Saved as {{number}}', invalid: '{{count}} field(s) need attention: see the ones marked in red.',
    selectPlaceholder: 'Choose', notSet: 'Not set', noDepartments: 'No departments yet: a manager adds them under Settings.',
  },
  list: {
    title: 'Complaints', empty: 'No complaints yet. Press F2 or "New complaint" to log one.', noMatch: 'No complaints match these filters.',
    error: 'Could not load complaints: {{message}}', all: 'All', from: 'From', to: 'To',
    search: 'Search number, name, phone or text', total: '{{total}} in all', shown: 'First {{shown}} of {{total}}',
    sortBy: 'Sort by {{field}}', urgent: 'Urgent',
  },
  detail: { title: 'Complaint detail', timeline: 'Timeline', notFound: 'This complaint was not found.', amountNone: '—', none: 'None' },
  timeline: { created: 'Logged at intake', 'staff.added': 'Staff added', 'department.added': 'Department added' },
  settings: {
    title: 'Settings', staff: 'Staff', departments: 'Departments', addStaff: 'Add staff', addDepartment: 'Add department',
    name: 'Name', role: 'Role', departmentName: 'Department name', approval: 'Manager approval',
    approvalHint: "This needs a manager's PIN.", approver: 'Approving manager', approverPin: "Manager's PIN",
    added: 'Added: {{name}}', language: 'Language',
  },
  validation: {
    required: 'Required', invalid: 'Invalid value', phone: 'Enter a mobile (11 digits) or landline (area code-number)',
    amount: 'Enter an amount of 0 or more, at most two decimals', pin: 'PIN must be 4–8 digits', pinMismatch: 'The PINs do not match',
    branchCode: 'Branch code: 2–16 letters, digits or “-”', dateTime: 'Enter a valid date and time', future: 'Received time cannot be in the future',
    choose: 'Choose one', tooLong: 'At most {{n}} characters',
  },
  errors: {
    VALIDATION: 'Some input is invalid; nothing was saved.', UNKNOWN_CHANNEL: 'Unknown action.', BAD_SENDER: 'Request from an untrusted sender.',
    UNAUTHENTICATED: 'Please sign in first.', FORBIDDEN: 'Not allowed: a manager is needed.', WRONG_PIN: 'Wrong PIN. {{left}} attempt(s) left.',
    WRONG_PIN_LAST: 'Wrong PIN.', LOCKED: 'This account is locked after repeated wrong PINs. Try again in {{minutes}} minute(s).',
    NOT_FOUND: 'Record not found.', CONFLICT: 'Set-up has already been done.', STORE_UNAVAILABLE: 'The data file cannot be written: {{detail}}',
    INTERNAL: 'Internal error; nothing was saved. Retry or call your administrator.', NETWORK: 'Cannot reach the local service: {{detail}}',
    DUPLICATE_STAFF: 'A member of staff with this name already exists.', DUPLICATE_DEPARTMENT: 'A department with this name already exists.',
  },
  store: {
    title: 'The data file cannot be used', 
    corrupt: 'The data file is damaged and cannot be read. To protect your data the app will not overwrite it or save anything. Ask an administrator to restore a backup. File: {{file}}',
    too_new: 'The data file was written by a newer Complaint Desk; this version can read but not write it. Please upgrade. File: {{file}}',
    locked: 'Another Complaint Desk window is using the same data folder. Close it and retry. File: {{file}}',
  },
}
