//! A variable named `raw` next to rig clients: tree-sitter-rust 0.24 reads `&raw` as a raw borrow
//! (tree-sitter/tree-sitter-rust#277); every shape below is valid Rust (rustc accepts it) and must read cleanly.
use rig::providers::{anthropic, openai};

const NAMES: [&str; 2] = ["gpt-4o", "claude-sonnet-4-5"];
// expect: ai-endpoint openai
const ENDPOINT: &str = "https://api.openai.com/v1/models?limit=1&raw=true"; // a literal &raw stays as written

fn known(raw: &str) -> bool {
    NAMES.contains(&raw)
}

fn header(raw: &Vec<u8>) -> bool {
    &raw[0..4] == b"RIFF"
}

fn size(raw: String) -> usize {
    let n = (&raw).len();
    let m = & /* a comment between */ raw;
    n + m.len()
}

fn doubled(raw: u8) -> u8 {
    let r = &&raw;
    let total = 0u8 & raw; // bitwise: parsed right already
    **r | total
}

fn count(raw: Vec<String>) -> usize {
    let mut k = 0;
    for _ in &raw {
        k += 1;
    }
    k
}

fn pointers() -> usize {
    let mut slot = 3usize;
    let p = &raw const slot; // a real raw borrow
    let q = &raw mut slot;
    p as usize + q as usize
}

async fn ask(raw: String) {
    let c = '&'; // a char literal, then a lifetime below
    let s: &'static str = r#"&raw "quoted""#;
    // expect: sdk-client rig
    let client = openai::Client::from_env();
    // expect: agent rig
    let agent = client.agent("gpt-4o").preamble(&raw).build();
    if known(&raw) {
        // expect: sdk-client rig; agent rig
        let claude = anthropic::Client::new(&raw).agent("claude-sonnet-4-5").build();
    }
    println!("{c}{s}{}", ENDPOINT.len() + size(raw.clone()));
}
