// Draws the toolbar icon (a shield) at build time, so no binary image lives in the repository; pngjs encodes it.
import { PNG } from 'pngjs';

/** Inside the shield: flat top, straight sides down to mid-height, then tapering to a point. */
function inShield(x: number, y: number): boolean {
  if (y < 0.08 || y > 0.95) return false;
  const halfWidth = y < 0.5 ? 0.4 : 0.4 * (1 - (y - 0.5) / 0.45);
  return Math.abs(x - 0.5) <= halfWidth;
}

export function renderIcon(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      const check = Math.abs(y - 0.5 - (x < 0.47 ? 0.47 - x : (x - 0.47) * -1.4)) < 0.06 && x > 0.3 && x < 0.7;
      const [r, g, b] = check ? [255, 255, 255] : [30, 94, 200];
      png.data.set([r, g, b, inShield(x, y) ? 255 : 0], (py * size + px) * 4);
    }
  }
  return PNG.sync.write(png);
}
