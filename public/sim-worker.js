// The simulation's worker. It loads the page's own WebAssembly module (the compiled module
// the page hands it, or else the file, already in the browser's cache) and runs `simulate`
// on each configuration the page sends, answering with the outcome. See src/sim_worker.rs.
let bindings = null;
const waiting = [];

function run({ config }) {
  const bytes = bindings.simulate(config);
  self.postMessage({ bytes }, [bytes.buffer]);
}

self.onmessage = async (event) => {
  const data = event.data;
  if (data.js) {
    try {
      const module = await import(data.js);
      const wasm = await module.default({ module_or_path: data.module ?? data.wasm });
      // Its memory, for the soak script (.ci/soak.mjs) to read.
      self.wasmMemory = wasm.memory;
      bindings = module;
    } catch (error) {
      // An error event tells the page to run the simulation itself.
      setTimeout(() => {
        throw error;
      });
      return;
    }
    for (const message of waiting.splice(0)) run(message);
    return;
  }
  if (bindings) run(data);
  else waiting.push(data);
};
