# expect: tool ruby-llm
class Weather < RubyLLM::Tool
  description "Gets current weather"
  param :city

  def execute(city:)
    "sunny in #{city}"
  end
end

# expect: sdk-client ruby-llm
RubyLLM.configure do |config|
  config.openai_api_key = ENV.fetch("ACME_OPENAI_KEY", nil)
end

# expect: sdk-client ruby-llm
chat = RubyLLM.chat(model: "gpt-4o-mini")
# expect: agent ruby-llm
chat.with_tool(Weather).ask("Weather in Berlin?")
