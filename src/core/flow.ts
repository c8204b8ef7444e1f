import type { FlowSetting } from './config.js';
import type { Flow } from './protocol.js';

export interface DeviceTraits {
  /** A mouse or trackpad: a desktop, where a popup keeps the shop's page in view. */
  finePointer: boolean;
  /** The element is inside an iframe, where a redirect would load the bank inside the frame. */
  framed: boolean;
}

/**
 * `auto`: a popup on desktop pointers and inside iframes (banks refuse to load in a frame, and a
 * popup leaves the merchant's page as it was); a redirect on touch devices, where a popup is just
 * another tab and coming back by redirect is what payers know. A blocked popup falls back to redirect.
 */
export function resolveFlow(setting: FlowSetting, device: DeviceTraits): Flow {
  if (setting !== 'auto') return setting;
  return device.finePointer || device.framed ? 'popup' : 'redirect';
}

export function browserDeviceTraits(): DeviceTraits {
  let framed: boolean;
  try {
    framed = window.self !== window.top;
  } catch {
    framed = true;
  }
  return { finePointer: matchMedia('(pointer: fine)').matches, framed };
}
