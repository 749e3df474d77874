use rig::{
    completion::{Prompt, ToolDefinition},
    providers::{anthropic, openai},
    tool::Tool,
    vector_store::in_memory_store::InMemoryVectorStore,
};
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Serialize)]
struct Adder;

// expect: tool rig
impl Tool for Adder {
    const NAME: &'static str = "add";
    type Error = std::io::Error;
    type Args = (i32, i32);
    type Output = i32;

    async fn definition(&self, _prompt: String) -> ToolDefinition {
        ToolDefinition { name: "add".to_string(), description: "Add x and y".to_string(), parameters: serde_json::json!({}) }
    }

    async fn call(&self, args: Self::Args) -> Result<Self::Output, Self::Error> {
        Ok(args.0 + args.1)
    }
}

#[tokio::main]
async fn main() -> Result<(), anyhow::Error> {
    // expect: sdk-client rig
    let openai_client = openai::Client::from_env();
    // expect: agent rig
    let calculator = openai_client.agent("gpt-4o").preamble("You are a calculator.").tool(Adder).build();
    println!("{}", calculator.prompt("Calculate 2 + 5").await?);

    // expect: sdk-client rig; agent rig
    let claude = anthropic::Client::new("key").agent("claude-sonnet-4-5").max_tokens(1024).build();

    // expect: vector-store rig
    let store = InMemoryVectorStore::from_documents(vec![]);
    Ok(())
}
