require "openai"

# expect: sdk-client openai-ruby; env-var openai
client = OpenAI::Client.new(access_token: ENV.fetch("OPENAI_ACCESS_TOKEN"), log_errors: true)
response = client.chat(
  parameters: {
    model: "gpt-4o",
    messages: [{ role: "user", content: "Hello #{ENV['USER']}" }],
    temperature: 0.7
  }
)
puts response.dig("choices", 0, "message", "content")

# expect: sdk-client openai-ruby
OpenAI.configure do |config|
  # expect: env-var openai
  config.access_token = ENV["OPENAI_API_KEY"]
  # expect: ai-endpoint openai
  config.uri_base = "https://api.openai.com/"
end
