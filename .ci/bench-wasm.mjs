// Benchmark: the default churn scenario end to end (generate, train, score every week,
// monitor, run the three policies), natively and in WebAssembly (Node), and their ratio.
// A measurement, not a test.
//
//   node .ci/bench-wasm.mjs [--runs 40]
//
// Native: `examples/sim_speed.rs` built with the bench profile (opt-level 3, as criterion).
// WebAssembly: the same example built for wasm32 with the profile the simulation's worker
// ships (`worker`: opt-level 3, SIMD128), then put through wasm-opt with the worker's flags
// from index.html, and timed calling its `run_default` export from Node. Both print the
// run's digest, which must agree.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const args = process.argv.slice(2);
const at = args.indexOf("--runs");
const runs = at >= 0 ? Math.max(1, Number(args[at + 1]) || 40) : 40;
const target = process.env.CARGO_TARGET_DIR || "target";
const cargo = (...a) => execFileSync("cargo", a, { stdio: ["ignore", "pipe", "inherit"] }).toString();

// Native.
const native = JSON.parse(cargo("run", "--quiet", "--profile", "bench", "--example", "sim_speed", "--", String(runs)));

// WebAssembly, as the page ships it.
cargo("build", "--quiet", "--profile", "worker", "--example", "sim_speed", "--target", "wasm32-unknown-unknown");
const built = `${target}/wasm32-unknown-unknown/worker/examples/sim_speed.wasm`;
const optimised = `${target}/sim_speed.opt.wasm`;
let file = built;
try {
  // The worker's link in index.html: its `data-wasm-opt` level and `data-wasm-opt-params`.
  const html = readFileSync("index.html", "utf8");
  const link = html.split("\n").find((line) => line.includes('data-bin="sim-worker"')) ?? "";
  const level = (link.match(/data-wasm-opt="([^"]*)"/) || [, "3"])[1];
  const params = (link.match(/data-wasm-opt-params="([^"]*)"/) || [, ""])[1].split(/\s+/).filter(Boolean);
  execFileSync("wasm-opt", [`-O${level}`, ...params, built, "-o", optimised], { stdio: "ignore" });
  if (existsSync(optimised)) file = optimised;
} catch {
  console.log("(wasm-opt not found: timing the module as rustc built it)");
}
const module = new WebAssembly.Module(readFileSync(file));
// The library's UI bindings are linked in but never called by `run_default`: every import
// is a function that fails loudly if it ever were.
const imports = {};
for (const { module: name, name: field } of WebAssembly.Module.imports(module)) {
  imports[name] ??= {};
  imports[name][field] = () => {
    throw new Error(`the simulation called ${name}.${field}`);
  };
}
const { exports } = new WebAssembly.Instance(module, imports);
let digest = 0n;
for (let i = 0; i < 5; i++) digest = BigInt.asUintN(64, exports.run_default());
const ms = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  exports.run_default();
  ms.push(performance.now() - start);
}
ms.sort((a, b) => a - b);
const wasm = { median_ms: ms[Math.floor(runs / 2)], min_ms: ms[0], digest: digest.toString(16).padStart(16, "0") };

const row = (name, r) => console.log(`${name.padEnd(34)} ${r.median_ms.toFixed(2).padStart(8)} ms ${r.min_ms.toFixed(2).padStart(8)} ms`);
console.log(`default scenario end to end, ${runs} runs      median        min`);
row("native (opt-level 3)", native);
row(`WebAssembly in Node ${process.versions.node} (worker)`, wasm);
console.log(`ratio WebAssembly / native (medians): ${(wasm.median_ms / native.median_ms).toFixed(2)}`);
console.log(`digests: native ${native.digest}, WebAssembly ${wasm.digest} (${native.digest === wasm.digest ? "equal" : "DIFFERENT"})`);
if (native.digest !== wasm.digest) process.exitCode = 1;
