//! The project's commands, run through `cargo xtask`:
//!
//! - `cargo xtask serve`: installs what is missing, then serves the explainer on 127.0.0.1:8080.
//! - `cargo xtask test`: installs what is missing, then runs every test: native, browser, end to end.
//! - `cargo xtask build`: installs what is missing, then builds the release into dist/.
//! - `cargo xtask bench`: installs what is missing (Lighthouse too), builds the release, then
//!   measures it (bench/run.mjs, then bench/lighthouse.mjs).

mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use tools::Toolbox;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(),
        Some("test") => test(),
        Some("build") => Toolbox::prepare(false).and_then(|t| release_build(&t, None)),
        Some("bench") => bench(),
        _ => {
            eprintln!("usage: cargo xtask <serve|test|build|bench>");
            eprintln!("  serve  serve the explainer on http://127.0.0.1:8080");
            eprintln!("  test   run every test (native, browser, end to end)");
            eprintln!("  build  build the release into dist/");
            eprintln!("  bench  measure weight and speed; writes bench/results.json and BENCHMARKS.md");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

fn serve() -> Result<(), String> {
    let tools = Toolbox::prepare(false)?;
    println!("Serving on http://127.0.0.1:8080 (Ctrl-C stops)");
    tools.run(tools.trunk().args(["serve", "--release", "--no-autoreload"]), "trunk serve")
}

/// The public address the tests' and the benchmark's builds are made for: the site served on
/// this port of the loopback, so that what needs an absolute address (the sitemap, oEmbed's
/// frame, `canonical`) has one that the tests can open. `serve` and `build` take `SITE_URL`
/// from the environment.
const LOOPBACK_SITE: &str = "http://127.0.0.1:47100/";

fn release_build(tools: &Toolbox, site: Option<&str>) -> Result<(), String> {
    step("Release build (trunk build --release)");
    let mut build = tools.trunk();
    build.args(["build", "--release"]);
    if let Some(site) = site {
        println!("for {site} (SITE_URL)");
        build.env("SITE_URL", site);
    }
    tools.run(&mut build, "trunk build --release")
}

fn bench() -> Result<(), String> {
    let tools = Toolbox::prepare(true)?;
    tools.lighthouse()?;
    release_build(&tools, Some(LOOPBACK_SITE))?;
    step("Benchmark (headless Chromium, then Lighthouse)");
    let mut run = Command::new("node");
    run.current_dir(root()).arg("bench/run.mjs").env("CHROMIUM", tools::CHROMIUM).env("DIST", root().join("dist"));
    tools.run(&mut run, "benchmark")?;
    step("Lighthouse 13 (the newest on npm, on Node 22)");
    let node = tools.lighthouse_13()?;
    let mut run = Command::new(node);
    run.current_dir(root())
        .arg("bench/lighthouse.mjs")
        .env("LIGHTHOUSE_TOOLS", root().join(tools::BENCH_TOOLS_13))
        .env("CHROMIUM", tools::CHROMIUM)
        .env("DIST", root().join("dist"));
    tools.run(&mut run, "Lighthouse 13")
}

fn test() -> Result<(), String> {
    let tools = Toolbox::prepare(true)?;

    step("Formatting and lints (cargo fmt --check, cargo clippy -D warnings)");
    tools.run(tools.cargo().args(["fmt", "--all", "--check"]), "cargo fmt --check (run `cargo fmt` to format)")?;
    tools.run(tools.cargo().args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]), "clippy")?;
    tools.run(
        tools.cargo().args(["clippy", "--target", "wasm32-unknown-unknown", "-p", "car-exports", "--lib", "--", "-D", "warnings"]),
        "clippy (the browser build)",
    )?;

    step("1/3 Native tests (cargo test --workspace)");
    tools.run(tools.cargo().args(["test", "--workspace"]), "native tests")?;

    step("2/3 Browser tests (wasm-bindgen-test in headless Chromium)");
    tools.run(
        tools
            .cargo()
            .args(["test", "--target", "wasm32-unknown-unknown", "-p", "car-exports", "--test", "web"])
            .env("CHROMEDRIVER", tools::CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
        "browser tests",
    )?;

    release_build(&tools, Some(LOOPBACK_SITE))?;

    step("3/3 End-to-end tests (release build in headless Chromium)");
    let mut e2e = Command::new("node");
    e2e.current_dir(root())
        // A per-test time limit, so a hung browser fails the run instead of stalling it.
        .args(["--test", "--test-reporter=spec", "--test-concurrency=1", "--test-timeout=180000"])
        .args(e2e_files()?)
        .env("CHROMIUM", tools::CHROMIUM)
        .env("DIST", root().join("dist"));
    tools.run(&mut e2e, "end-to-end tests")
}

fn e2e_files() -> Result<Vec<PathBuf>, String> {
    let dir = root().join("tests/e2e");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err("no end-to-end tests found in tests/e2e".into());
    }
    Ok(files)
}

pub fn step(title: &str) {
    println!("\n==> {title}");
}
