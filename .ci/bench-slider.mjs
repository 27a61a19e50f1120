// Benchmark: moves a lab slider (drift strength by default) through its range in headless
// Chromium against the release build in dist/, one step per frame as a drag does, and
// prints what each step costs the page. A measurement, not a test.
//
//   npm run size && node .ci/bench-slider.mjs [--slider strength|alert|day|save] [--steps 80]
//                                             [--cohort 5000] [--drift concept|price|...]
//                                             [--incidents all]  (every production incident on)
//
// For every step, at the start of a frame:
// - work: from the input event to the page updated and laid out again (the handlers, the
//   simulation, the charts, the DOM changes, style and layout), so the next frame can
//   paint it. Under 16.7 ms the result is painted in the very next frame.
// - input to next frame: from the input to the start of the frame after it, which is
//   when the result reaches the screen (quantised by the 60 Hz frame clock).
// - frames dropped: steps whose next frame came more than one frame late.
// - main-thread time per input: all the page's main-thread tasks during the sweep (Chrome's
//   TaskDuration: the input's handlers, the worker's answers, drawing the charts, style,
//   layout and paint) divided by the number of steps.
// Then, one input at a time:
// - input to charts: from an input to the first frame in which the lab and every chart show
//   its result (the run back from the worker, each changed chart drawn and placed).
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const steps = Number(option("steps", 80));
const cohort = Number(option("cohort", 5000));
const sliderId = option("slider", "strength");
const drift = option("drift", "");
// Every production incident on, each on the lab's first day for it: the heaviest run.
const incidents = option("incidents", "") === "all" ? "peak:10,slow-release:17,units:9,late-pipeline:20,lost-replica:24" : "";
const dir = option("dir", "dist");
const port = 4181;
const server = spawn("node", [".ci/static-server.mjs", "--dir", dir, "--port", String(port), "--base", "/mlops-lab/"], {
  stdio: "ignore",
});
await sleep(500);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const query = `mode=lab&n=${cohort}${drift ? `&drift=${drift}` : ""}${incidents ? `&incidents=${incidents}` : ""}`;
  await page.goto(`http://127.0.0.1:${port}/mlops-lab/en/scenario?${query}`);
  await page.waitForSelector(`#${sliderId}`);
  await page.waitForTimeout(500);
  // The two waits both measurements use: the next frame, and a task after every microtask
  // an input queued (the reactive updates run there).
  await page.evaluate(() => {
    window.bench = {
      frame: () => new Promise((resolve) => requestAnimationFrame(resolve)),
      settled: () =>
        new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = resolve;
          channel.port2.postMessage(0);
        }),
    };
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const taskSeconds = async () =>
    (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value;
  const tasksBefore = await taskSeconds();
  const result = await page.evaluate(
    async ({ steps, sliderId }) => {
      const slider = document.getElementById(sliderId);
      const [min, max] = [Number(slider.min), Number(slider.max)];
      const { frame, settled } = window.bench;
      const work = [];
      const toFrame = [];
      let dropped = 0;
      let last = await frame();
      for (let i = 0; i < steps; i++) {
        // Sweep min → max → min in 40 steps each way, as a drag would.
        const k = i % 80;
        const value = min + ((k <= 40 ? k : 80 - k) / 40) * (max - min);
        const start = performance.now();
        slider.value = String(value);
        slider.dispatchEvent(new Event("input", { bubbles: true }));
        await settled();
        document.documentElement.getBoundingClientRect();
        work.push(performance.now() - start);
        const next = await frame();
        toFrame.push(next - start);
        if (next - last > 1.5 * (1000 / 60)) dropped += 1;
        last = next;
      }
      return { work, toFrame, dropped };
    },
    { steps, sliderId },
  );
  // Let the last answers land before reading the main thread's total.
  await page.waitForTimeout(1000);
  const taskPerInput = ((await taskSeconds()) - tasksBefore) * 1000 / steps;
  const latency = await page.evaluate(
    async ({ sliderId, samples }) => {
      const slider = document.getElementById(sliderId);
      const [min, max] = [Number(slider.min), Number(slider.max)];
      const { frame, settled } = window.bench;
      const shown = () =>
        document.querySelector(".lab-results")?.getAttribute("aria-busy") === "false" &&
        !document.querySelector('figure.chart[aria-busy="true"]');
      const times = [];
      for (let i = 0; i < samples; i++) {
        const value = min + (((i * 7) % samples) / samples) * (max - min);
        const start = performance.now();
        slider.value = String(value);
        slider.dispatchEvent(new Event("input", { bubbles: true }));
        await settled();
        let at = await frame();
        while (!shown() && at - start < 5000) at = await frame();
        times.push(at - start);
        // A pause between inputs, as a student reading the result.
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      return times;
    },
    { sliderId, samples: 20 },
  );
  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return `median ${pick(0.5).toFixed(1)} ms, p95 ${pick(0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`;
  };
  console.log(`slider "${sliderId}", ${steps} steps, cohort ${cohort} customers a week${drift ? `, drift ${drift}` : ""}`);
  console.log(`work per input (handlers, simulation, DOM, style, layout): ${stats(result.work)}`);
  console.log(`input to the next frame: ${stats(result.toFrame)}`);
  console.log(`frames dropped (a step whose next frame came late): ${result.dropped} of ${steps}`);
  console.log(`main-thread time per input (every task, Chrome's TaskDuration): ${taskPerInput.toFixed(1)} ms`);
  console.log(`input to charts that show its result (one input at a time, 20): ${stats(latency)}`);
} finally {
  await browser.close();
  server.kill();
}
