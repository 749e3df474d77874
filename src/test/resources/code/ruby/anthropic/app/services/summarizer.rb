# A Rails service: Bundler required the gem, so the file never does.
class Summarizer
  def initialize
    # expect: sdk-client anthropic-ruby; env-var anthropic
    @client = Anthropic::Client.new(api_key: ENV["ANTHROPIC_API_KEY"])
  end

  def call(text)
    @client.messages.create(
      model: "claude-sonnet-4-5",
      max_tokens: 1024,
      messages: [{ role: "user", content: "Summarize: #{text}" }]
    )
  end
end
