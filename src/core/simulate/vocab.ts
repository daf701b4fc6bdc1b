/**
 * Word lists for values Faker has no good generator for (hotel and meeting-room names, log
 * lines, file names, task titles, …) and, per domain, the generic words a string gets when
 * nothing places it: English words of the tool's world, never lorem ipsum.
 */

export type Domain =
  | 'travel'
  | 'lodging'
  | 'office'
  | 'devops'
  | 'files'
  | 'commerce'
  | 'finance'
  | 'people'
  | 'tasks'
  | 'weather'
  | 'messaging'
  | 'general';

/** Words that point to a domain, in tool names, descriptions and field names. */
export const DOMAIN_WORDS: { readonly [d in Exclude<Domain, 'general'>]: readonly string[] } = {
  travel: ['flight', 'flights', 'airline', 'airport', 'seat', 'passenger', 'departure', 'arrival', 'trip', 'itinerary', 'destination', 'origin', 'boarding', 'gate', 'cabin', 'fare', 'travel', 'layover', 'departs', 'arrives'],
  lodging: ['hotel', 'hotels', 'check_in', 'checkin', 'check_out', 'checkout', 'nights', 'night', 'guest', 'guests', 'reservation', 'stay', 'amenities', 'amenity', 'lodging', 'resort', 'hostel', 'suite'],
  office: ['meeting', 'meetings', 'calendar', 'event', 'events', 'room', 'rooms', 'attendee', 'attendees', 'invite', 'invites', 'schedule', 'agenda', 'organizer', 'availability'],
  devops: ['deploy', 'deployment', 'deployments', 'service', 'services', 'log', 'logs', 'error', 'errors', 'alert', 'alerts', 'incident', 'host', 'server', 'cluster', 'pod', 'commit', 'build', 'pipeline', 'environment', 'latency', 'trace', 'metric', 'metrics', 'release', 'rollback', 'uptime', 'outage', 'ticket', 'tickets'],
  files: ['file', 'files', 'dir', 'directory', 'folder', 'path', 'cwd', 'mkdir', 'ls', 'cd', 'touch', 'size_bytes', 'mime', 'mime_type', 'filename', 'document', 'documents'],
  commerce: ['product', 'products', 'order', 'orders', 'cart', 'sku', 'brand', 'catalog', 'catalogue', 'shop', 'store', 'shipping', 'stock', 'inventory', 'checkout', 'refund'],
  finance: ['account', 'accounts', 'balance', 'transaction', 'transactions', 'payment', 'payments', 'invoice', 'invoices', 'iban', 'exchange', 'currency', 'rate', 'budget', 'expense', 'expenses'],
  people: ['user', 'users', 'employee', 'employees', 'member', 'members', 'team', 'teams', 'profile', 'contact', 'contacts', 'customer', 'customers', 'department', 'staff', 'people'],
  tasks: ['task', 'tasks', 'project', 'projects', 'todo', 'todos', 'due', 'priority', 'assignee', 'reminder', 'reminders', 'checklist', 'milestone'],
  weather: ['weather', 'forecast', 'temperature', 'wind', 'humidity', 'rain', 'precipitation', 'snow', 'sunny', 'celsius'],
  messaging: ['email', 'emails', 'message', 'messages', 'send', 'subject', 'body', 'notification', 'notifications', 'sms', 'chat', 'channel', 'inbox', 'mail', 'reply', 'recipient'],
};

/** Generic words per domain: what a string nothing else places is made of. */
export const DOMAIN_FALLBACK: { readonly [d in Domain]: readonly string[] } = {
  travel: ['window seat', 'aisle seat', 'carry-on', 'layover', 'boarding', 'terminal', 'lounge', 'direct', 'connection', 'fare', 'economy', 'premium', 'baggage', 'check-in', 'gate', 'shuttle', 'transfer', 'departure', 'arrival', 'timetable', 'standard', 'flexible'],
  lodging: ['breakfast', 'balcony', 'city view', 'courtyard', 'garden', 'lobby', 'suite', 'terrace', 'parking', 'late check-out', 'quiet', 'renovated', 'central', 'spacious', 'cosy', 'family', 'deluxe', 'standard', 'superior', 'twin'],
  office: ['boardroom', 'whiteboard', 'projector', 'video call', 'standup', 'agenda', 'follow-up', 'kick-off', 'review', 'workshop', 'sync', 'planning', 'quiet room', 'phone booth', 'catering', 'hybrid', 'in person', 'recurring'],
  devops: ['deploy', 'rollback', 'canary', 'hotfix', 'release', 'pipeline', 'cache', 'worker', 'gateway', 'queue', 'replica', 'cluster', 'timeout', 'retry', 'healthy', 'degraded', 'migration', 'config', 'staging', 'production', 'build'],
  files: ['archive', 'backup', 'draft', 'export', 'report', 'notes', 'shared', 'private', 'readonly', 'temporary', 'hidden', 'document', 'image', 'spreadsheet', 'text', 'binary', 'symlink', 'folder'],
  commerce: ['bestseller', 'new arrival', 'in stock', 'limited edition', 'bundle', 'gift', 'refurbished', 'eco', 'premium', 'standard', 'express', 'free shipping', 'sale', 'clearance', 'wireless', 'compact', 'classic'],
  finance: ['transfer', 'deposit', 'withdrawal', 'card payment', 'direct debit', 'refund', 'fee', 'interest', 'savings', 'checking', 'pending', 'settled', 'recurring', 'invoice', 'statement', 'monthly'],
  people: ['full-time', 'part-time', 'contractor', 'remote', 'on-site', 'onboarding', 'manager', 'admin', 'member', 'guest', 'active', 'invited', 'primary', 'secondary', 'verified', 'preferred'],
  tasks: ['backlog', 'in progress', 'blocked', 'follow-up', 'milestone', 'review', 'draft', 'urgent', 'recurring', 'personal', 'work', 'errand', 'admin', 'planning', 'research', 'sprint'],
  weather: ['clear', 'breezy', 'humid', 'mild', 'chilly', 'overcast', 'drizzle', 'gusty', 'frost', 'haze', 'showers', 'sunny spells', 'calm', 'muggy'],
  messaging: ['reminder', 'follow-up', 'update', 'invitation', 'confirmation', 'newsletter', 'digest', 'alert', 'receipt', 'reply', 'thread', 'draft', 'inbox', 'archive', 'urgent', 'personal'],
  general: ['standard', 'basic', 'primary', 'secondary', 'default', 'custom', 'internal', 'external', 'general', 'main', 'shared', 'personal', 'pending', 'active', 'new', 'updated', 'other', 'regular'],
};

export const HOTEL_NAMES = [
  'Hotel Central', 'Grand Hotel Europa', 'The Park Hotel', 'Hotel Astoria', 'Riverside Suites', 'Old Town Boutique Hotel',
  'Hotel Metropole', 'The Garden Inn', 'Hotel Bristol', 'Station Hotel', 'Hotel Continental', 'Hotel Royal', 'The Linden House',
  'Hotel Ambassador', 'The Sterling', 'Hotel Victoria', 'The Regent', 'Hotel Savoy', 'Palace Hotel', 'Hotel Alma', 'Casa Nova Hotel',
  'The Merchant House', 'Hotel Opera', 'City Lodge', 'The Townhouse', 'Hotel Panorama', 'Hotel Aurora', 'The Courtyard Hotel',
  'Hotel Imperial', 'Hotel Belvedere', 'The Chapter House', 'Hotel Adler', 'The Cloister', 'Hotel Stern', 'Hotel Miramar',
  'The Foundry Hotel', 'Hotel Terminus', 'The Observatory', 'Hotel Marquis', 'Harbour View Hotel', 'The Greenhouse', 'Hotel Lumen',
];
export const ROOM_TYPES = ['Single room', 'Double room', 'Twin room', 'Deluxe double', 'Superior double', 'Junior suite', 'Family room', 'Studio', 'Executive suite', 'Queen room', 'King room'];
export const MEETING_ROOMS = [
  'Atlas', 'Granite', 'Summit', 'Quartz', 'Aurora', 'Everest', 'Fjord', 'Harbor', 'Cedar', 'Maple', 'Orion', 'Nova', 'Pioneer',
  'Lighthouse', 'Boardroom', 'Focus Room', 'Kepler', 'Meridian', 'Horizon', 'Birch', 'Willow', 'Basalt', 'Compass', 'Delta',
];
export const AMENITIES = [
  'free wifi', 'breakfast included', 'gym', 'indoor pool', 'parking', 'airport shuttle', 'spa', 'bar', 'restaurant', 'air conditioning',
  'pet friendly', '24-hour front desk', 'sauna', 'rooftop terrace', 'laundry service', 'room service', 'bike rental', 'EV charging',
];
export const DISTRICTS = ['city centre', 'old town', 'near the main station', 'riverside', 'business district', 'near the airport', 'university quarter', 'harbour', 'museum quarter', 'financial district'];
export const CABINS = ['economy', 'premium economy', 'business', 'first'];
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'SEK', 'CHF', 'DKK', 'NOK', 'PLN', 'JPY', 'CAD', 'AUD'];

export const SERVICE_STEMS = ['checkout', 'payments', 'search', 'auth', 'billing', 'orders', 'inventory', 'notifications', 'users', 'catalog', 'shipping', 'reporting', 'recommendations', 'cart', 'profile', 'media', 'email', 'pricing', 'gateway', 'ledger'];
export const SERVICE_SUFFIXES = ['api', 'service', 'worker', 'web', 'gateway', 'svc'];
export const HOST_STEMS = ['web', 'api', 'db', 'worker', 'cache', 'app', 'edge', 'queue', 'batch'];
export const ENVIRONMENTS = ['production', 'staging', 'development'];
export const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-2', 'eu-north-1'];
export const LOG_LEVELS = ['info', 'info', 'info', 'warn', 'error', 'debug'];
export const ERROR_LINES = [
  'upstream timed out after {n}s',
  'connection refused: {host}:{port}',
  'OOMKilled: container exceeded memory limit',
  'timeout after {ms}ms waiting for db pool',
  'TLS handshake failed with {host}',
  'deadlock detected on table {table}',
  'payment {id} declined: card expired',
  'NullPointerException in {Klass}.handle',
  'too many open files',
  'disk usage at {pct}% on /var/lib/{svc}',
  'rate limit exceeded for client {id}',
  'HTTP 503 from {svc} (retrying)',
  'failed to parse response from {svc}: unexpected end of JSON input',
  'certificate for {svc}.example.com expires in {n} days',
];
export const INFO_LINES = [
  'GET /api/v1/{table}/{id} 200 ({ms} ms)',
  'POST /api/v1/{table} 201 ({ms} ms)',
  'request {id} completed in {ms} ms',
  'cache miss for key {table}:{id}',
  'worker started (pid {pid})',
  'config reloaded',
  'health check passed',
  'user {id} signed in',
];
export const LOG_LINES = [
  'GET /api/v1/{table}/{id} 200 ({ms} ms)',
  'POST /api/v1/{table} 201 ({ms} ms)',
  'request {id} completed in {ms} ms',
  'cache miss for key {table}:{id}',
  'worker started (pid {pid})',
  'config reloaded',
  'health check passed',
  'retrying job {id} (attempt {n}/5)',
  'queue {table}-events depth {n}',
  'user {id} signed in',
  'slow query on {table} ({ms} ms)',
  ...ERROR_LINES,
];
export const TABLES = ['orders', 'users', 'payments', 'sessions', 'invoices', 'products', 'carts', 'accounts', 'events', 'shipments'];
export const INCIDENT_TITLES = [
  'Error rate above 5% on {svc}', 'High latency on {svc}', '{svc} pods crash-looping', 'Disk almost full on {host}', 'Failed deploy of {svc}',
  'Certificate expiring for {svc}', 'Checkout errors after deploy', 'Payment provider timeouts', 'Database connections exhausted',
  'Queue backlog growing on {svc}', 'Memory leak in {svc}', 'Login failures for some users',
];
export const INCIDENT_SENTENCES = [
  'Error rate on {svc} rose after the last deploy.', 'Customers report timeouts at checkout.', 'Latency p95 is above 2 s since {time}.',
  'Rolling back is being considered.', 'The database pool is saturated on {host}.', '{n} requests failed in the last 15 minutes.',
  'Alerts fired for {svc} in {region}.', 'The on-call engineer is investigating.',
];
export const COMMIT_MESSAGES = [
  'Fix null check in checkout flow', 'Bump dependencies', 'Add retry to payment client', 'Update README', 'Refactor order service',
  'Handle empty search results', 'Improve logging for failed logins', 'Remove unused feature flag', 'Speed up product listing query',
  'Add tests for invoice export', 'Fix timezone bug in reports', 'Upgrade Node to 20', 'Tidy up config loading',
];
export const BRANCHES = ['main', 'develop', 'release/{ver}', 'feature/{word}-{word2}', 'fix/{word}-{word2}', 'hotfix/{word}'];
export const BRANCH_WORDS = ['login', 'checkout', 'search', 'export', 'billing', 'onboarding', 'cache', 'reports', 'profile', 'invoices', 'timeout', 'dashboard'];

export const FILE_STEMS = [
  'report', 'budget', 'notes', 'invoice', 'summary', 'slides', 'draft', 'roadmap', 'meeting-notes', 'todo', 'README', 'index', 'main',
  'config', 'data', 'photo', 'logo', 'contract', 'resume', 'schedule', 'presentation', 'backup', 'export', 'results', 'analysis', 'plan',
  'letter', 'agenda', 'minutes', 'q4-review', 'sales-2025', 'team-photo', 'expenses', 'proposal', 'checklist', 'requirements',
];
export const FILE_EXTS = ['pdf', 'docx', 'xlsx', 'csv', 'md', 'txt', 'png', 'jpg', 'json', 'py', 'ts', 'zip', 'pptx', 'log', 'yaml'];
export const MIME_BY_EXT: { readonly [ext: string]: string } = {
  pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv', md: 'text/markdown', txt: 'text/plain',
  png: 'image/png', jpg: 'image/jpeg', json: 'application/json', py: 'text/x-python', ts: 'text/typescript', zip: 'application/zip',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', log: 'text/plain', yaml: 'application/yaml',
};
export const DIR_NAMES = [
  'documents', 'projects', 'reports', 'drafts', 'archive', 'photos', 'downloads', 'research', 'src', 'tests', 'docs', 'assets', 'backups',
  '2025', 'invoices', 'shared', 'music', 'notes', 'scripts', 'config', 'data', 'logs', 'build', 'templates', 'clients', 'design',
];
export const HOME_USERS = ['anna', 'luis', 'mei', 'tom', 'sara', 'omar', 'kim', 'alex', 'jo', 'priya'];
export const FILE_LINES = [
  '# Notes', 'Call the venue on Monday.', 'TODO: update the figures for Q4.', 'Meeting moved to Thursday 10:00.',
  'Budget approved by finance.', 'Send the draft to the team for review.', 'Key results: revenue up 12%, churn down 3%.',
  'Remember to renew the domain.', 'Agenda: status, risks, next steps.', 'Deadline: end of the month.',
];

export const TASK_TITLES = [
  'Review pull request', 'Write release notes', 'Prepare slides for the all-hands', "Reply to the client's email", 'Update the budget',
  'Book travel for the offsite', 'Renew the software licences', 'Plan the sprint', 'Fix the login bug', 'Call the supplier',
  'Draft the newsletter', 'Send the invoice', 'Onboard the new hire', 'Back up the database', 'Review the contract',
  'Order new laptops', 'Update the roadmap', 'Prepare the quarterly report', 'Schedule the team retro', 'Test the new checkout',
];
export const MEETING_TITLES = [
  'Product sync', 'Customer call', 'Interview', 'Sprint planning', 'Design review', 'Quarterly review', 'Team standup', 'Budget review',
  'All-hands', 'Retro', '1:1', 'Roadmap workshop', 'Vendor demo', 'Hiring debrief', 'Board prep', 'Marketing sync', 'Lunch and learn',
];
export const PROJECT_NAMES = [
  'Website redesign', 'CRM migration', 'Office move', 'Brand refresh', 'Mobile app launch', 'Data warehouse', 'Customer portal',
  'ISO 27001 audit', 'Hiring plan', 'Spring campaign', 'Warehouse expansion', 'Onboarding revamp', 'Pricing update', 'Cloud migration',
];
export const TEAMS = ['Platform', 'Payments', 'Growth', 'Design', 'Marketing', 'Sales', 'Finance', 'Support', 'Data', 'Infrastructure', 'Mobile', 'Security', 'Operations', 'Legal', 'People'];
export const DEPARTMENTS = ['Sales', 'Marketing', 'Finance', 'Legal', 'Human Resources', 'Engineering', 'Customer Support', 'Operations', 'Procurement', 'IT', 'Product', 'Facilities'];
export const BRANDS = ['Sonora', 'Northwind', 'Acme', 'Globex', 'Kestrel', 'Vela', 'Nordvik', 'Lumen', 'Aster', 'Helio', 'Fable', 'Orbit', 'Tandem', 'Pinecrest', 'Brightline', 'Moka'];
export const PRODUCT_ADJECTIVES = ['Wireless', 'Compact', 'Classic', 'Pro', 'Lightweight', 'Ergonomic', 'Portable', 'Premium', 'Eco', 'Smart', 'Deluxe', 'Essential'];
export const WEATHER_CONDITIONS = ['sunny', 'partly cloudy', 'overcast', 'light rain', 'showers', 'thunderstorms', 'fog', 'windy', 'clear', 'drizzle'];
export const COLD_CONDITIONS = ['snow', 'sleet', 'frost', 'overcast', 'clear', 'fog'];
export const WEATHER_SENTENCES = [
  'Partly cloudy with a light breeze.', 'Rain in the afternoon, clearing in the evening.', 'Sunny and dry all day.',
  'Overcast with occasional showers.', 'Cloudy in the morning, sunny spells later.', 'Windy, with a chance of rain.', 'Clear skies and calm winds.',
];
export const COLD_SENTENCES = ['Cold and clear, with frost overnight.', 'Light snow in the morning.', 'Grey and cold, with sleet later.', 'Freezing fog early, then dry.'];
export const MESSAGE_SENTENCES = [
  'Thanks, see you then.', 'Could you send me the latest version?', 'The meeting has moved to 3 pm.', 'Your order has shipped.',
  'Reminder: the report is due on Friday.', 'Here is the summary from today.', 'Can we push this to next week?', 'All done, let me know if anything is missing.',
  'Your booking is confirmed.', 'Please review the attached document.',
];
export const REVIEW_SENTENCES = [
  'Great location and friendly staff.', 'Clean rooms, but breakfast was average.', 'Good value for money.', 'Quiet and comfortable, would stay again.',
  'Works as described.', 'Battery life could be better.', 'Fast delivery, solid build quality.', 'A bit small, but well made.',
];
export const HOTEL_SENTENCES = [
  'Boutique hotel in the old town, five minutes from the station.', 'Modern rooms with a rooftop bar and city views.',
  'Family-run hotel next to the park.', 'Business hotel with meeting rooms and a gym.', 'Quiet rooms facing the courtyard.',
];
export const REASONS = ['Requested by the customer', 'Scheduled maintenance', 'Duplicate entry', 'Plans changed', 'No longer needed', 'Moved to next week', 'Budget constraints', 'Wrong details'];
export const GENERAL_SENTENCES = [
  'Follow-up from last week.', 'Updated after the review.', 'Needs a second look.', 'Agreed with the team.', 'See the attached details.',
  'Waiting for confirmation.', 'Ready for the next step.', 'Shared with everyone involved.',
];
export const TASK_SENTENCES = [
  'Review the draft and send comments.', 'Check the numbers with finance first.', 'Needed before the client meeting.', 'Split into smaller steps if it grows.',
  'Ask Sam for the latest figures.', 'Blocked until the contract is signed.',
];
export const PLANS = ['Free', 'Basic', 'Pro', 'Business', 'Enterprise'];
export const ROLES = ['admin', 'editor', 'viewer', 'member', 'owner'];
export const SKILLS = ['Python', 'SQL', 'TypeScript', 'Negotiation', 'Project management', 'Data analysis', 'Public speaking', 'Figma', 'Excel', 'Kubernetes'];
export const INDUSTRIES = ['Retail', 'Healthcare', 'Logistics', 'Finance', 'Education', 'Manufacturing', 'Media', 'Travel', 'Energy', 'Software'];
export const PAYMENT_METHODS = ['card', 'bank transfer', 'PayPal', 'Apple Pay', 'invoice'];
export const CARD_BRANDS = ['Visa', 'Mastercard', 'American Express'];
export const LANGUAGES = ['English', 'German', 'French', 'Spanish', 'Swedish', 'Italian', 'Portuguese', 'Dutch', 'Japanese'];
export const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'sv-SE', 'it-IT', 'nl-NL'];
export const CHANNELS = ['email', 'sms', 'slack', 'push'];
export const DEVICES = ['iPhone 15', 'Pixel 8', 'MacBook Pro', 'ThinkPad X1', 'iPad Air', 'Galaxy S24', 'Surface Laptop'];
export const RESTAURANTS = ['Trattoria Roma', 'Sushi Ko', 'The Green Fork', 'Bistro Lune', 'Casa Lola', 'Noodle Bar 88', 'The Olive Tree', 'Café Central', 'Brasserie Nord', 'Taco Verde'];
export const VENUES = ['Conference Centre', 'Town Hall', 'Main Auditorium', 'Innovation Hub', 'Harbour Pavilion', 'City Library', 'Expo Hall B'];
export const METRICS = ['p95_latency_ms', 'error_rate', 'cpu_usage', 'memory_usage', 'requests_per_second', 'queue_depth', 'disk_usage'];
export const COMMANDS = ['npm run build', 'git pull', 'make test', 'docker compose up -d', 'kubectl rollout status', 'npm test', 'python manage.py migrate'];
export const JOBS = ['nightly-backup', 'build-and-test', 'deploy-production', 'sync-inventory', 'send-digest', 'rotate-logs', 'reindex-search'];
export const URL_HOSTS: { readonly [d in Domain]: readonly string[] } = {
  travel: ['travel.example.com', 'book.example.com'],
  lodging: ['hotels.example.com', 'stay.example.com'],
  office: ['calendar.example.com', 'rooms.example.com'],
  devops: ['deploy.example.com', 'grafana.example.com', 'status.example.com'],
  files: ['files.example.com', 'drive.example.com'],
  commerce: ['shop.example.com', 'store.example.com'],
  finance: ['billing.example.com', 'pay.example.com'],
  people: ['people.example.com', 'app.example.com'],
  tasks: ['tasks.example.com', 'projects.example.com'],
  weather: ['weather.example.com'],
  messaging: ['mail.example.com', 'app.example.com'],
  general: ['app.example.com', 'www.example.com', 'example.org'],
};

export const TICKERS = ['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'NVDA', 'META', 'TSLA', 'SAP', 'ASML', 'NESN', 'SIE', 'VOW3', 'SHEL', 'ORCL', 'IBM'];
export const EXCHANGES = ['NASDAQ', 'NYSE', 'LSE', 'XETRA', 'Euronext', 'SIX', 'TSE'];
export const LICENSES = ['MIT', 'Apache-2.0', 'GPL-3.0', 'BSD-3-Clause', 'MPL-2.0', 'ISC'];
export const PROGRAMMING_LANGUAGES = ['TypeScript', 'Python', 'Go', 'Rust', 'Java', 'Kotlin', 'C#', 'Ruby', 'JavaScript', 'Swift'];
export const LEAD_SOURCES = ['website', 'referral', 'email campaign', 'event', 'partner', 'cold call', 'social media', 'webinar'];
export const CRM_STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'customer', 'churned'];
export const INGREDIENT_UNITS = ['g', 'kg', 'ml', 'l', 'tbsp', 'tsp', 'cups', 'pieces', 'pinch'];
export const RECIPE_STEPS = [
  'Preheat the oven to 200 °C.', 'Chop the onions and garlic.', 'Fry the onions until soft.', 'Add the spices and stir for a minute.',
  'Simmer for 20 minutes.', 'Season with salt and pepper.', 'Bake until golden.', 'Serve warm with fresh herbs.', 'Whisk the eggs with the milk.', 'Let it rest for 10 minutes.',
];
export const INSTRUCTIONS = ['Check the settings and try again.', 'Sign in with your work account.', 'Restart the app after installing.', 'Reply to confirm by Friday.', 'Bring a photo ID.', 'Use the side entrance after 6 pm.'];
export const PLOTS = [
  'A retired detective takes on one last case in a city that has forgotten him.', 'Two strangers meet on a night train across Europe.',
  'A young chef fights to keep her family restaurant open.', 'An astronaut stranded on Mars must find a way home.',
  'A small-town teacher uncovers a secret that could change everything.', 'Rival siblings inherit a vineyard and must work together.',
];
export const SECONDARY_ADDRESS = ['Apt. 4B', 'Suite 210', 'Floor 3', 'Unit 12', 'Building C', 'Apt. 17'];
export const DELIVERY_WINDOWS = ['morning', 'afternoon', 'evening', 'next day', 'standard', 'express'];
export const GENDERS = ['female', 'male', 'non-binary'];
