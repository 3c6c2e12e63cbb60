//! Embeds the data folder and the message catalogue into the app, or stops the build naming
//! every broken line.

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=locales");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out_dir);
    let data = dataset::load(Path::new("data"), "data").unwrap_or_else(|errors| stop("data files", &errors));
    let translations =
        dataset::translations::load(Path::new("data"), "data", &data).unwrap_or_else(|errors| stop("data translations", &errors));
    let messages = dataset::catalogue::load(Path::new("locales"), "locales").unwrap_or_else(|errors| stop("message catalogue", &errors));
    let write = |name: &str, code: String| std::fs::write(out.join(name), code).expect("OUT_DIR is writable");
    write("dataset.rs", dataset::codegen::to_rust(&data));
    // The web build compiles in English only; the other languages come as packs (dataset::packs).
    let packed = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    write("data_text.rs", dataset::translations::to_rust(&translations, packed));
    write("catalogue.rs", dataset::catalogue::to_rust(&messages, packed));
    write("packs.rs", dataset::packs::to_rust(&messages, &translations));
}

fn stop(what: &str, errors: &[dataset::DataError]) -> ! {
    eprintln!("The {what} have {} problem(s); fix them and build again:", errors.len());
    for error in errors {
        eprintln!("  {error}");
        println!("cargo::warning={error}");
    }
    std::process::exit(1);
}
