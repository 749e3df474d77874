require "langchain"

class WeatherTool
  # expect: tool langchainrb
  extend Langchain::ToolDefinition

  define_function :current_weather, description: "Current weather for a city" do
    property :city, type: "string", required: true
  end

  def current_weather(city:)
    "sunny in #{city}"
  end
end

# expect: sdk-client langchainrb; env-var openai
llm = Langchain::LLM::OpenAI.new(api_key: ENV["OPENAI_API_KEY"], default_options: { chat_model: "gpt-4o" })
# expect: agent langchainrb; tool langchainrb
assistant = Langchain::Assistant.new(llm: llm, instructions: "You are a weather bot", tools: [WeatherTool.new, Langchain::Tool::Calculator.new])
assistant.add_message_and_run!(content: "Weather in Paris?")

# expect: tool langchainrb
interpreter = Langchain::Tool::RubyCodeInterpreter.new
# expect: vector-store langchainrb
db = Langchain::Vectorsearch::Pgvector.new(url: ENV["DATABASE_URL"], index_name: "docs", llm: llm)
