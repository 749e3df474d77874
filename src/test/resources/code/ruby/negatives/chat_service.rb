# A chat app with no AI: its own Client constants, an "Assistant" model, and strings and comments that
# mention OpenAI::Client.new(access_token: key) and Langchain::Assistant.new. Nothing here is reported.
module Acme
  class Assistant < ApplicationRecord
    has_many :messages
  end

  class ChatService
    def initialize
      @client = Acme::Chat::Client.new(ENV["ACME_CHAT_TOKEN"])
      @http = Faraday.new(url: "https://chat.example.com")
    end

    def note
      "OPENAI_API_KEY is documented in the README; Langchain::Assistant.new is only text"
    end

    def url(host)
      "https://#{host}/v1/chat"
    end
  end
end
