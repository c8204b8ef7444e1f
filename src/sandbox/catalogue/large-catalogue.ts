import { curatedBanks, idPart } from './curated-banks.js';
import type { SandboxBank } from './sandbox-bank.js';

const KINDS: Record<string, string[]> = {
  DE: ['Sparkasse', 'Volksbank', 'Raiffeisenbank', 'Stadtsparkasse', 'Kreissparkasse'],
  NL: ['Spaarbank', 'Volksbank', 'Handelsbank'],
  GB: ['Building Society', 'Savings Bank', 'Mutual'],
  FR: ['Caisse de Crédit', 'Banque Régionale', 'Crédit Coopératif'],
  DK: ['Sparekasse', 'Andelskasse', 'Bank'],
  SE: ['Sparbank', 'Bank'],
  FI: ['Osuuspankki', 'Säästöpankki'],
  NO: ['Sparebank', 'Bank'],
  ES: ['Caja Rural', 'Banco'],
  IT: ['Cassa Rurale', 'Banca di Credito Cooperativo'],
};
const TOWNS = [
  'Aachen',
  'Bergen',
  'Córdoba',
  'Delft',
  'Esbjerg',
  'Falun',
  'Grenoble',
  'Hamar',
  'Ischia',
  'Jönköping',
  'Kiel',
  'Lund',
  'Mâcon',
  'Nijmegen',
  'Odense',
  'Pori',
  'Quimper',
  'Ribe',
  'Siena',
  'Tampere',
  'Uppsala',
  'Växjö',
  'Wrexham',
  'Ystad',
  'Zaandam',
];
const COLORS = [
  '#0a3d91',
  '#d4001a',
  '#2b8a3e',
  '#5c3d99',
  '#f36f21',
  '#00857c',
  '#7a1f5c',
  '#003755',
];

/** About `size` banks for benchmarks: the curated ones, then generated regional banks, deterministic. */
export function largeCatalogue(size = 3000): SandboxBank[] {
  const banks = curatedBanks();
  const currencies = new Map(banks.map((bank) => [bank.country, bank.currency]));
  const countries = Object.keys(KINDS);
  for (let index = 0; banks.length < size; index += 1) {
    const country = countries[index % countries.length] ?? 'DE';
    const kinds = KINDS[country] ?? ['Bank'];
    const kind = kinds[Math.floor(index / countries.length) % kinds.length] ?? 'Bank';
    const town =
      TOWNS[Math.floor(index / (countries.length * kinds.length)) % TOWNS.length] ?? 'Town';
    const name = `${kind} ${town} ${String(index).padStart(4, '0')}`;
    banks.push({
      id: `${country}_${idPart(name)}`,
      name,
      country,
      currency: currencies.get(country) ?? 'EUR',
      color: COLORS[index % COLORS.length] ?? '#333333',
      popular: false,
      status: index % 97 === 0 ? 'degraded' : index % 89 === 0 ? 'unavailable' : 'available',
    });
  }
  return banks;
}
