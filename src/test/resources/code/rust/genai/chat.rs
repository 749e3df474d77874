use genai::chat::{ChatMessage, ChatRequest, Tool};
use genai::Client;

const MODEL: &str = "gpt-4o-mini";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // expect: sdk-client genai-rust
    let client = Client::default();
    // expect: tool genai-rust
    let weather = Tool::new("get_weather").with_description("Current weather");
    let req = ChatRequest::new(vec![ChatMessage::user("Weather in Paris?")]).with_tools(vec![weather]);
    // expect: sdk-client genai-rust
    let res = client.exec_chat("claude-3-5-haiku-latest", req.clone(), None).await?;
    println!("{:?}", res.first_text());
    Ok(())
}
