// Renders the app icon (public/favicon.svg) to the PNG sizes the web app manifest names,
// in headless Chromium: 192 and 512 pixels, and a maskable 512 whose mark sits inside the
// safe zone on a full-bleed background. Run it after changing the icon; the PNGs are
// committed, so builds never need it.
//
//   node .ci/icons.mjs
import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";

const svg = readFileSync(new URL("../public/favicon.svg", import.meta.url), "utf8");
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || "/usr/bin/chromium" });
try {
  const page = await browser.newPage();
  for (const [name, size, maskable] of [
    ["icon-192.png", 192, false],
    ["icon-512.png", 512, false],
    ["icon-maskable-512.png", 512, true],
  ]) {
    await page.setViewportSize({ width: size, height: size });
    // A maskable icon fills the square and keeps the mark within the central 80 %.
    const inner = maskable ? size * 0.7 : size;
    await page.setContent(
      `<html><body style="margin:0;background:${maskable ? "#1d4fa8" : "transparent"};display:grid;place-items:center;height:${size}px">` +
        `<div style="width:${inner}px;height:${inner}px">${svg.replace("<svg ", '<svg width="100%" height="100%" ')}</div></body></html>`,
    );
    await page.screenshot({ path: new URL(`../public/icons/${name}`, import.meta.url).pathname, omitBackground: !maskable });
    console.log(`public/icons/${name}`);
  }
} finally {
  await browser.close();
}
