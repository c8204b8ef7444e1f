import { encode } from 'uqr';

/**
 * The QR encoder, in a chunk of its own: loaded only when a QR code is shown, so redirect and popup
 * payers never download it.
 */

export interface QrMatrix {
  size: number;
  /** One SVG path for all dark modules: small, and drawn without innerHTML. */
  path: string;
}

export function qrMatrix(text: string): QrMatrix {
  const { data, size } = encode(text, { border: 2 });
  let path = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size, path };
}
