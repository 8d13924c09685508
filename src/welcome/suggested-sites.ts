/** The news sites the welcome page offers to switch on in one click. */
export const SUGGESTED_SITES: readonly { label: string; pattern: string }[] = [
  { label: 'Reuters', pattern: 'https://www.reuters.com/*' },
  { label: 'The Record', pattern: 'https://therecord.media/*' },
  { label: 'Politico Europe', pattern: 'https://www.politico.eu/*' },
  { label: 'Lawfare', pattern: 'https://www.lawfaremedia.org/*' },
  { label: 'The Guardian', pattern: 'https://www.theguardian.com/*' },
  { label: 'Le Monde', pattern: 'https://www.lemonde.fr/*' },
  { label: 'Euractiv', pattern: 'https://www.euractiv.com/*' },
  { label: 'BBC News', pattern: 'https://www.bbc.com/*' },
  { label: 'Dark Reading', pattern: 'https://www.darkreading.com/*' },
  { label: 'CyberScoop', pattern: 'https://cyberscoop.com/*' },
];
