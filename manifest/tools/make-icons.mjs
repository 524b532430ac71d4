// Draws the two Teams icons from one small vector design (three rising bars on a base line, an arrow rising over
// them: a unit's board showing improvement) and writes manifest/color.png and manifest/outline.png.
// Run: node manifest/tools/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png.mjs';

// Must equal accentColor in manifest.json: Teams shows the icon on that colour in places.
const BACKGROUND = [0x1b, 0x6b, 0x5a];
const WHITE = [0xff, 0xff, 0xff];
const ARROW = [0xff, 0xc8, 0x3d];

// The design lives in a 96x96 box; Teams wants the colour icon's symbol about 96 px inside 192 px, and the outline
// icon's symbol filling its 32 px.
const SIZE = 96;
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;
const bars = [rect(4, 86, 92, 92), rect(10, 66, 28, 86), rect(39, 52, 57, 86), rect(68, 38, 86, 86)];

const tail = [6, 44];
const tip = [90, 4];
const headLength = 24;
const headHalfWidth = 15;
const shaftHalfWidth = 4;
const length = Math.hypot(tip[0] - tail[0], tip[1] - tail[1]);
const u = [(tip[0] - tail[0]) / length, (tip[1] - tail[1]) / length];
const n = [-u[1], u[0]];
const base = [tip[0] - headLength * u[0], tip[1] - headLength * u[1]];
const head = [
  tip,
  [base[0] + headHalfWidth * n[0], base[1] + headHalfWidth * n[1]],
  [base[0] - headHalfWidth * n[0], base[1] - headHalfWidth * n[1]],
];
// The shaft runs a little into the head so no seam shows between them.
const shaftEnd = [base[0] + 2 * u[0], base[1] + 2 * u[1]];

function inArrow(x, y) {
  return distanceToSegment([x, y], tail, shaftEnd) <= shaftHalfWidth || inTriangle([x, y], head);
}

function inBars(x, y) {
  return bars.some((inside) => inside(x, y));
}

function distanceToSegment(p, a, b) {
  const ab = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1]) / (ab[0] ** 2 + ab[1] ** 2)));
  return Math.hypot(p[0] - a[0] - t * ab[0], p[1] - a[1] - t * ab[1]);
}

function inTriangle(p, [a, b, c]) {
  const side = (p1, p2) => (p[0] - p2[0]) * (p1[1] - p2[1]) - (p1[0] - p2[0]) * (p[1] - p2[1]);
  const d1 = side(a, b);
  const d2 = side(b, c);
  const d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

// Averages a grid of samples per pixel; sampleAt(x, y) in design units returns [r, g, b, a].
function render(pixels, symbolOrigin, symbolPixels, sampleAt, samples = 8) {
  const rgba = new Uint8Array(pixels * pixels * 4);
  const scale = SIZE / symbolPixels;
  for (let py = 0; py < pixels; py++) {
    for (let px = 0; px < pixels; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples - symbolOrigin) * scale;
          const y = (py + (sy + 0.5) / samples - symbolOrigin) * scale;
          sampleAt(x, y).forEach((value, i) => (sum[i] += value));
        }
      }
      sum.forEach((value, i) => (rgba[(py * pixels + px) * 4 + i] = Math.round(value / samples ** 2)));
    }
  }
  return rgba;
}

const color = render(192, 48, 96, (x, y) => {
  if (inArrow(x, y)) return [...ARROW, 255];
  if (inBars(x, y)) return [...WHITE, 255];
  return [...BACKGROUND, 255];
});

// Teams rejects anything but pure white and full transparency here, so coverage is thresholded, not blended.
const coverage = render(32, 0, 32, (x, y) => (inArrow(x, y) || inBars(x, y) ? [255, 255, 255, 255] : [0, 0, 0, 0]));
const outline = new Uint8Array(coverage.length);
for (let i = 0; i < coverage.length; i += 4) {
  if (coverage[i + 3] >= 128) outline.set([255, 255, 255, 255], i);
}

const manifestDir = fileURLToPath(new URL('..', import.meta.url));
writeFileSync(`${manifestDir}color.png`, encodePng(192, 192, color));
writeFileSync(`${manifestDir}outline.png`, encodePng(32, 32, outline));
console.log(`make-icons: wrote ${manifestDir}color.png (192x192) and ${manifestDir}outline.png (32x32)`);
