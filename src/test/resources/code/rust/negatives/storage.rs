//! A storage service with no AI: its own `Client`, `Agent` and `Tool` types, and strings and comments that
//! mention openai::Client::from_env().agent("gpt-4o") and OPENAI_API_KEY. Nothing here is reported.
use crate::openai::Client;
use reqwest::Client as Http;

pub mod openai {
    pub struct Client;
    impl Client {
        pub fn from_env() -> Self { Client }
        pub fn agent(&self, _m: &str) -> Agent { Agent }
    }
    pub struct Agent;
}

pub trait Tool {}

pub struct Store;
impl Tool for Store {}

/// Builds `rig::providers::openai::Client::from_env()` in docs only.
pub async fn run() -> Result<(), reqwest::Error> {
    let http = Http::new();
    let client = Client::from_env();
    let _agent = client.agent("gpt-4o");
    http.get("https://storage.example.com/objects").send().await?;
    let note = "OPENAI_API_KEY is documented in the README";
    println!("{note}");
    Ok(())
}
