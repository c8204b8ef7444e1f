import type { SandboxBank, SandboxBankStatus } from './sandbox-bank.js';

type Entry = [name: string, color: string, popular?: boolean, status?: SandboxBankStatus];

const COUNTRIES: Record<string, { currency: string; banks: Entry[] }> = {
  DE: {
    currency: 'EUR',
    banks: [
      ['Nordhafen Sparkasse', '#d4001a', true],
      ['Deutsche Handelsbank', '#0a3d91', true],
      ['Volksbank Rheintal eG', '#1f5fbf'],
      ['Bayerische Kreditanstalt', '#2b8a3e', false, 'degraded'],
      ['Münchner Privatbank', '#5c3d99', false, 'unavailable'],
    ],
  },
  NL: {
    currency: 'EUR',
    banks: [
      ['Amstel Spaarbank', '#f36f21', true],
      ['Hollandse Volksbank', '#00857c', true],
      ['Coöperatieve Deltabank', '#003082'],
    ],
  },
  GB: {
    currency: 'GBP',
    banks: [
      ['Thames & Mercer Bank', '#006a4d', true],
      ['Pennine Building Society', '#7a1f5c', true],
      ['Highland Mutual', '#24408e', false, 'degraded'],
    ],
  },
  FR: {
    currency: 'EUR',
    banks: [
      ['Société Lyonnaise de Crédit', '#e2001a', true],
      ["Caisse d'Épargne du Rhône", '#c8102e', true],
      ['Crédit Maritime Atlantique', '#00529b'],
      ["Banque Populaire de l'Estuaire", '#0055a4'],
    ],
  },
  DK: {
    currency: 'DKK',
    banks: [
      ['Øresund Bank', '#003755', true],
      ['Jyske Andelskasse', '#00823b', true],
      ['Fynske Sparekasse', '#b3123e'],
      ['Nørrebro Bank', '#6d2077', false, 'unavailable'],
    ],
  },
  SE: {
    currency: 'SEK',
    banks: [
      ['Skånska Sparbanken', '#ff5f00', true],
      ['Norrlands Bank', '#00315f'],
    ],
  },
  FI: {
    currency: 'EUR',
    banks: [
      ['Pohjolan Osuuspankki', '#ff6a10', true],
      ['Saimaan Säästöpankki', '#00a7e1'],
    ],
  },
  NO: {
    currency: 'NOK',
    banks: [
      ['Fjordbanken', '#005aa0', true],
      ['Vestlandsbanken', '#c60c30'],
    ],
  },
  ES: {
    currency: 'EUR',
    banks: [
      ['Banco del Guadalquivir', '#ec0000', true],
      ['Caixa Mediterrània', '#007eae'],
    ],
  },
  IT: {
    currency: 'EUR',
    banks: [
      ['Banca Popolare del Po', '#00693c', true],
      ['Banca Adriatica di Credito', '#003a70'],
    ],
  },
};

export function curatedBanks(): SandboxBank[] {
  return Object.entries(COUNTRIES).flatMap(([country, { currency, banks }]) =>
    banks.map(([name, color, popular = false, status = 'available']) => ({
      id: `${country}_${idPart(name)}`,
      name,
      country,
      currency,
      color,
      popular,
      status,
    })),
  );
}

/** `Caisse d'Épargne du Rhône` -> `CaissedEpargneduRhone`: ASCII, as provider ids are. */
export function idPart(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/[^A-Za-z0-9]/g, '');
}
