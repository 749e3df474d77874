use std::error::Error;

use async_openai::{
    config::{AzureConfig, OpenAIConfig},
    types::chat::{ChatCompletionRequestUserMessage, CreateChatCompletionRequestArgs},
    Client,
};

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    // expect: sdk-client async-openai
    let client = Client::new();
    let request = CreateChatCompletionRequestArgs::default()
        .max_tokens(512u32)
        .model("gpt-4o-mini")
        .messages([ChatCompletionRequestUserMessage::from("Who won the world series in 2020?").into()])
        .build()?;
    let response = client.chat().create(request).await?;
    println!("{:?}", response.choices.first());

    // expect: sdk-client async-openai
    let config = AzureConfig::new()
        // expect: ai-endpoint azure-openai
        .with_api_base("https://acme.openai.azure.com")
        // expect: env-var azure-openai
        .with_api_key(std::env::var("AZURE_OPENAI_API_KEY")?)
        .with_deployment_id("gpt-4o-prod");
    // expect: sdk-client async-openai
    let azure = Client::with_config(config);
    Ok(())
}
