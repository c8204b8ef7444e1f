import jsQR from 'jsqr';
import type { Page } from 'playwright-core';

/** Renders the element's QR code to pixels in the page and decodes them, as a phone camera would. */
export async function decodeElementQr(page: Page): Promise<string> {
  const { width, height, pixels } = await page.evaluate(() => {
    const svg = document.querySelector('pay-by-bank')?.shadowRoot?.querySelector('svg[part="qr"]');
    if (!svg) throw new Error('no QR code shown');
    const size = Number(svg.getAttribute('viewBox')?.split(' ')[2]);
    const scale = 8;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#000';
    context.scale(scale, scale);
    context.fill(new Path2D(svg.querySelector('path')?.getAttribute('d') ?? ''));
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: image.width, height: image.height, pixels: Array.from(image.data) };
  });
  const decoded = jsQR(Uint8ClampedArray.from(pixels), width, height);
  if (!decoded) throw new Error('the QR code could not be decoded');
  return decoded.data;
}
