// Benchmark: drags a lab slider (drift strength by default) through its range in headless Chromium
// against the release build and prints the input-to-paint latency (median, p95, max) and
// the frames that took longer than one 60 Hz frame. A measurement, not a test.
//
//   npm run size && node .ci/bench-slider.mjs [--slider strength|day|alert] [--steps 80] [--cohort 5000]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const steps = option("steps", 80);
const cohort = option("cohort", 5000);
const i = args.indexOf("--slider");
// `strength` reruns the simulation; `day` only redraws.
const sliderId = i >= 0 ? args[i + 1] : "strength";
const port = 4181;
const server = spawn("node", [".ci/static-server.mjs", "--dir", "dist", "--port", String(port), "--base", "/mlops-lab/"], {
  stdio: "ignore",
});
await sleep(500);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/mlops-lab/en/scenario?mode=lab&n=${cohort}`);
  await page.waitForSelector("#strength");
  await page.waitForTimeout(500);
  const result = await page.evaluate(async ({ steps, sliderId }) => {
    const slider = document.getElementById(sliderId);
    const [min, max] = [Number(slider.min), Number(slider.max)];
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    const latencies = [];
    const frames = [];
    let last = await frame();
    for (let i = 0; i < steps; i++) {
      // Sweep 0 → 2 → 0 in steps of 0.05, as a drag would.
      const k = i % 80;
      const value = min + ((k <= 40 ? k : 80 - k) / 40) * (max - min);
      const start = performance.now();
      slider.value = String(value);
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      // The input handler, the reactive updates and the simulation run synchronously or
      // in microtasks, so the next animation frame is the one that paints the result.
      const painted = await frame();
      latencies.push(painted - start);
      frames.push(painted - last);
      last = painted;
    }
    return { latencies, frames };
  }, { steps, sliderId });
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const long = result.frames.filter((f) => f > 1.5 * 16.7).length;
  console.log(`slider "${sliderId}", ${steps} steps, cohort ${cohort} customers a week`);
  console.log(`input-to-paint latency: median ${pick(0.5).toFixed(1)} ms, p95 ${pick(0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`);
  console.log(`frames dropped (a step longer than one 60 Hz frame): ${long} of ${steps}`);
} finally {
  await browser.close();
  server.kill();
}
