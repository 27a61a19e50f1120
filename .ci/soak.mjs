// Soak: the lab playing in a loop for a long time (an hour by default), with the world
// changed every lap, in headless Chromium against the release build in dist/. Prints the
// page's JavaScript heap and WebAssembly memory and the simulation worker's WebAssembly
// memory (after a forced garbage collection) at the start, every few minutes and at the
// end, so a leak shows as steady growth. A measurement, not a test.
//
//   npm run size && node .ci/soak.mjs [--minutes 60] [--every 5] [--dir dist] [--pages]
//
// With --pages it moves between the sections instead (in the app, as links do), 500
// moves between samples: the memory a page keeps after it is left shows up there.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const minutes = option("minutes", 60);
const pages = args.includes("--pages");
const dirAt = args.indexOf("--dir");
const dir = dirAt >= 0 ? args[dirAt + 1] : "dist";
const every = option("every", 5);
const port = 4182;
const server = spawn("node", [".ci/static-server.mjs", "--dir", dir, "--port", String(port), "--base", "/mlops-lab/"], {
  stdio: "ignore",
});
await sleep(500);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--enable-precise-memory-info"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Keep the app's WebAssembly exports, to read its memory.
  await page.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (event) => (window.__wasm = event.detail.wasm));
  });
  await page.goto(`http://127.0.0.1:${port}/mlops-lab/en/scenario?mode=lab`);
  await page.waitForSelector("#strength");
  const cdp = await page.context().newCDPSession(page);
  const sample = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const [heap, wasm] = await page.evaluate(() => [performance.memory.usedJSHeapSize, window.__wasm?.memory?.buffer.byteLength ?? 0]);
    // The simulation runs in the worker, with its own WebAssembly memory.
    const worker = page.workers()[0];
    const simulation = worker ? await worker.evaluate(() => self.wasmMemory?.buffer.byteLength ?? 0) : 0;
    return { heap: heap / 1048576, wasm: wasm / 1048576, simulation: simulation / 1048576 };
  };
  const line = (label, s) =>
    console.log(
      `${label.padEnd(12)} JS heap ${s.heap.toFixed(1)} MB, wasm memory ${s.wasm.toFixed(1)} MB, worker's wasm memory ${s.simulation.toFixed(1)} MB`,
    );
  const start = await sample();
  line("start", start);
  const end = Date.now() + minutes * 60_000;
  let next = Date.now() + every * 60_000;
  let laps = 0;
  const play = page.getByRole("button", { name: "Play" });
  while (pages && Date.now() < end) {
    await page.evaluate(async (lap) => {
      const sections = ["", "roles", "lifecycle", "tools", "scenario", "glossary"];
      for (let i = 0; i < 500; i++) {
        history.pushState(null, "", `/mlops-lab/en/${sections[(lap * 500 + i) % sections.length]}`);
        dispatchEvent(new PopStateEvent("popstate"));
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    }, laps);
    laps += 1;
    line(`${laps * 500} moves`, await sample());
  }
  while (!pages && Date.now() < end) {
    // A new world each lap: a strength and a seed, then play the timeline to its end.
    await page.evaluate((lap) => {
      const set = (id, value, type) => {
        const el = document.getElementById(id);
        el.value = String(value);
        el.dispatchEvent(new Event(type, { bubbles: true }));
      };
      set("strength", (lap % 41) * 0.05, "input");
      set("seed", 1000 + lap, "change");
      set("day", 0, "input");
    }, laps);
    if (await play.isVisible()) await play.click();
    await page.waitForFunction(() => document.getElementById("day").value === document.getElementById("day").max, null, {
      timeout: 120_000,
    });
    laps += 1;
    if (Date.now() >= next) {
      line(`${Math.round((Date.now() - (end - minutes * 60_000)) / 60_000)} min`, await sample());
      next += every * 60_000;
    }
  }
  const last = await sample();
  line("end", last);
  console.log(
    `${pages ? `${laps * 500} page moves` : `${laps} laps of the timeline`}; growth: JS heap ${(last.heap - start.heap).toFixed(1)} MB, wasm memory ${(last.wasm - start.wasm).toFixed(1)} MB, worker's wasm memory ${(last.simulation - start.simulation).toFixed(1)} MB`,
  );
} finally {
  await browser.close();
  server.kill();
}
