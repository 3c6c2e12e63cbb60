//! Embeds the data folder into the app, or stops the build naming every broken line.

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=data");
    match dataset::load(Path::new("data"), "data") {
        Ok(data) => {
            let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("dataset.rs");
            std::fs::write(&out, dataset::codegen::to_rust(&data)).expect("OUT_DIR is writable");
        }
        Err(errors) => {
            eprintln!("The data files have {} problem(s); fix them and build again:", errors.len());
            for error in &errors {
                eprintln!("  {error}");
                println!("cargo::warning={error}");
            }
            std::process::exit(1);
        }
    }
}
