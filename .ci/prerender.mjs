// Release builds only (a post-build step): writes each section's own page in each
// language next to index.html, with its opening as plain HTML, by running
// `examples/prerender.rs`, which renders it with the app's own locale files and text
// isolation. See that file.
import { execFileSync } from "node:child_process";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a trunk hook");
if (process.env.TRUNK_PROFILE === "release") {
  execFileSync("cargo", ["run", "--quiet", "--example", "prerender", "--", dir], { stdio: "inherit" });
}
