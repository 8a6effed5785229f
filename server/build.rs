// `sqlx::migrate!` embeds the migrations when the server compiles: a migration added without
// touching Rust would otherwise not be in the next build (sqlx's documented fix).
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
