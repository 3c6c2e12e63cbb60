//! Finds the tools the build and the tests need, and installs what is missing. Each check is
//! cheap when the tool is already there, so the commands stay quick on a prepared machine.

use std::path::PathBuf;
use std::process::Command;

use crate::{root, step};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// What the tests need from Debian: (a file the package installs, the package). The fonts are the
/// only ones the end-to-end tests let Chromium see (tests/e2e/harness.mjs, `FONT_SETS`): DejaVu
/// for Latin text and a CJK font, without which the Chinese pages show boxes; and Liberation, for
/// the Latin-only set that checks the charts on a machine without any CJK font.
const TEST_PACKAGES: &[(&str, &str)] = &[
    (CHROMIUM, "chromium"),
    (CHROMEDRIVER, "chromium-driver"),
    ("/usr/bin/java", "default-jre-headless"),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", "fonts-dejavu-core"),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "fonts-wqy-microhei"),
    ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "fonts-liberation"),
    // The hosting tests serve the build through deploy/nginx.conf (tests/e2e/harness.mjs, `NGINX`).
    ("/usr/sbin/nginx", "nginx"),
    ("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so", "libnginx-mod-http-brotli-static"),
];
/// Lighthouse for `cargo xtask bench` (bench/lighthouse.mjs names the same version). Lighthouse 13
/// needs Node 22.19; 12.8.2 is the newest release that runs on the Node 20 the project uses.
pub const LIGHTHOUSE_VERSION: &str = "12.8.2";
/// The newest Lighthouse 13 on npm, which the benchmark runs beside the pinned one, with the Node
/// 22 it needs (npm's `node` package), both in their own folder.
pub const LIGHTHOUSE_13: &str = "lighthouse@13";
const NODE_22: &str = "node@22";
pub const BENCH_TOOLS_13: &str = "bench/.tools-13";
/// Where the benchmark's own npm tools go: apart from the project's packages, so that `npm ci`
/// for the build and the tests never installs them (ignored by git).
const BENCH_TOOLS: &str = "bench/.tools";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The environment every build and test command runs in.
pub struct Toolbox {
    path: String,
}

impl Toolbox {
    /// Checks and installs the tools; `for_tests` adds the browser and its driver.
    pub fn prepare(for_tests: bool) -> Result<Self, String> {
        step("Checking tools");
        let cargo_bin = cargo_home().join("bin");
        let node_bin = root().join("node_modules/.bin");
        let path = format!("{}:{}:{}", node_bin.display(), cargo_bin.display(), std::env::var("PATH").unwrap_or_default());
        let tools = Self { path };
        tools.wasm_target()?;
        tools.node_packages()?;
        tools.trunk_binary()?;
        tools.wasm_bindgen_cli()?;
        if for_tests {
            tools.browser()?;
        }
        Ok(tools)
    }

    pub fn cargo(&self) -> Command {
        self.command("cargo")
    }

    pub fn trunk(&self) -> Command {
        let mut trunk = self.command("trunk");
        // Trunk must never download wasm-bindgen or wasm-opt: the ones on PATH are the right ones.
        trunk.env("TRUNK_SKIP_VERSION_CHECK", "true");
        trunk
    }

    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.current_dir(root()).env("PATH", &self.path);
        command
    }

    /// Runs a command with inherited output; an error names what failed.
    pub fn run(&self, command: &mut Command, what: &str) -> Result<(), String> {
        let status = command.status().map_err(|e| format!("{what}: cannot start {:?}: {e}", command.get_program()))?;
        if status.success() { Ok(()) } else { Err(format!("{what} failed ({status})")) }
    }

    /// The first line a tool prints for `--version`, or None when it is not installed.
    fn version_of(&self, program: &str) -> Option<String> {
        let output = self.command(program).arg("--version").output().ok()?;
        output.status.success().then(|| String::from_utf8_lossy(&output.stdout).lines().next().unwrap_or("").trim().to_string())
    }

    fn wasm_target(&self) -> Result<(), String> {
        let output = self
            .command("rustup")
            .args(["target", "list", "--installed"])
            .output()
            .map_err(|e| format!("rustup is needed to add the {WASM_TARGET} target ({e}); install it from rustup.rs"))?;
        if String::from_utf8_lossy(&output.stdout).lines().any(|l| l.trim() == WASM_TARGET) {
            println!("ok   rust target {WASM_TARGET}");
            return Ok(());
        }
        println!("add  rust target {WASM_TARGET}");
        self.run(self.command("rustup").args(["target", "add", WASM_TARGET]), "rustup target add")
    }

    fn node_packages(&self) -> Result<(), String> {
        if self.version_of("npm").is_none() {
            return Err("npm is missing: install Node.js 20 or newer with npm (Debian: apt-get install nodejs npm)".into());
        }
        let installed = root().join("node_modules/.package-lock.json");
        let lock = root().join("package-lock.json");
        let fresh = match (std::fs::metadata(&installed), std::fs::metadata(&lock)) {
            (Ok(i), Ok(l)) => i.modified().ok() >= l.modified().ok(),
            _ => false,
        };
        if fresh && root().join("node_modules/.bin/wasm-opt").exists() {
            println!("ok   npm packages (wasm-opt, esbuild, playwright-core, pym.js, axe-core, vnu-jar)");
            return Ok(());
        }
        println!("add  npm packages (npm ci)");
        self.run(self.command("npm").args(["ci", "--no-audit", "--no-fund"]), "npm ci")
    }

    /// Lighthouse in bench/.tools, installed when missing or of another version.
    pub fn lighthouse(&self) -> Result<(), String> {
        let prefix = root().join(BENCH_TOOLS);
        let manifest = std::fs::read_to_string(prefix.join("node_modules/lighthouse/package.json")).unwrap_or_default();
        if manifest.contains(&format!("\"version\": \"{LIGHTHOUSE_VERSION}\"")) {
            println!("ok   lighthouse {LIGHTHOUSE_VERSION} ({BENCH_TOOLS})");
            return Ok(());
        }
        println!("add  lighthouse {LIGHTHOUSE_VERSION} (npm install into {BENCH_TOOLS})");
        self.run(
            self.command("npm")
                .args(["install", "--no-save", "--no-audit", "--no-fund", "--prefix"])
                .arg(&prefix)
                .arg(format!("lighthouse@{LIGHTHOUSE_VERSION}")),
            "npm install lighthouse",
        )
    }

    /// The newest Lighthouse 13 and a Node 22 in bench/.tools-13, installed when missing (and
    /// brought up to the newest 13 each time: `npm install` resolves `lighthouse@13` anew).
    /// Returns the Node to run it with.
    pub fn lighthouse_13(&self) -> Result<std::path::PathBuf, String> {
        let prefix = root().join(BENCH_TOOLS_13);
        println!("add  {LIGHTHOUSE_13} and {NODE_22} (npm install into {BENCH_TOOLS_13})");
        self.run(
            self.command("npm")
                .args(["install", "--no-save", "--no-audit", "--no-fund", "--prefix"])
                .arg(&prefix)
                .args([LIGHTHOUSE_13, NODE_22]),
            "npm install lighthouse@13",
        )?;
        let node = prefix.join("node_modules/.bin/node");
        if node.exists() { Ok(node) } else { Err(format!("npm installed no Node 22 at {}", node.display())) }
    }

    fn trunk_binary(&self) -> Result<(), String> {
        let wanted = format!("trunk {TRUNK_VERSION}");
        if self.version_of("trunk").as_deref() == Some(wanted.as_str()) {
            println!("ok   {wanted}");
            return Ok(());
        }
        println!("add  {wanted} (cargo install, about 15 minutes on 2 cores)");
        self.run(self.cargo().args(["install", "--locked", "trunk", "--version", TRUNK_VERSION]), "cargo install trunk")
    }

    fn wasm_bindgen_cli(&self) -> Result<(), String> {
        let version = locked_version("wasm-bindgen")?;
        let wanted = format!("wasm-bindgen {version}");
        let has_runner = self.version_of("wasm-bindgen-test-runner").is_some();
        if self.version_of("wasm-bindgen").as_deref() == Some(wanted.as_str()) && has_runner {
            println!("ok   {wanted} (matches Cargo.lock)");
            return Ok(());
        }
        // Without --locked: the CLI's own lock file names a crate version the registry no longer has.
        println!("add  wasm-bindgen-cli {version} (cargo install, about 5 minutes)");
        self.run(self.cargo().args(["install", "wasm-bindgen-cli", "--version", &version]), "cargo install wasm-bindgen-cli")
    }

    /// Debian's packages the tests use: the browser and its driver, Java for the HTML checker, the
    /// fonts the pages are tested with, and nginx with its brotli_static module.
    fn browser(&self) -> Result<(), String> {
        let missing: Vec<&str> =
            TEST_PACKAGES.iter().filter(|(path, _)| !std::path::Path::new(path).exists()).map(|(_, package)| *package).collect();
        if missing.is_empty() {
            println!("ok   chromium, chromium-driver, java, the test fonts (DejaVu, WenQuanYi Micro Hei, Liberation), nginx");
            return Ok(());
        }
        let list = missing.join(" ");
        if !is_root() {
            return Err(format!("the tests need Debian's {list}: sudo apt-get install {list}"));
        }
        println!("add  {list} (apt-get)");
        self.run(self.command("apt-get").arg("update"), "apt-get update")?;
        self.run(
            self.command("apt-get")
                .args(["install", "-y", "--no-install-recommends"])
                .args(&missing)
                .env("DEBIAN_FRONTEND", "noninteractive"),
            &format!("apt-get install {list}"),
        )
    }
}

/// The version of a package in Cargo.lock.
fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{package}\"")
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_string());
        }
    }
    Err(format!("Cargo.lock has no {package}"))
}

/// Where `cargo install` puts binaries: `$CARGO_HOME`, else `~/.cargo`.
fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from("/root/.cargo"))
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}
