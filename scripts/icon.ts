// Draws the toolbar icon (a shield) as PNG at build time, so no binary image lives in the repository.
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Inside the shield: flat top, straight sides down to mid-height, then tapering to a point. */
function inShield(x: number, y: number): boolean {
  if (y < 0.08 || y > 0.95) return false;
  const halfWidth = y < 0.5 ? 0.4 : 0.4 * (1 - (y - 0.5) / 0.45);
  return Math.abs(x - 0.5) <= halfWidth;
}

export function renderIcon(size: number): Buffer {
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      const inside = inShield(x, y);
      const check = Math.abs(y - 0.5 - (x < 0.47 ? 0.47 - x : (x - 0.47) * -1.4)) < 0.06 && x > 0.3 && x < 0.7;
      const [r, g, b] = check ? [255, 255, 255] : [30, 94, 200];
      row.set([r, g, b, inside ? 255 : 0], 1 + px * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
