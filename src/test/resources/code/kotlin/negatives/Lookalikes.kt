// A chat service with no AI: its own OpenAI, AIAgent and ChatClient types, and comments and strings that only
// mention them. Nothing here may be reported.
package com.acme.chat

import io.ktor.client.HttpClient
import io.ktor.client.request.get
import com.acme.chat.model.ChatClient

class OpenAI(val token: String)

class AIAgent(val name: String) {
    fun run(q: String) = q
}

/** Builds an OpenAI(token = key) client and an AIAgent(simpleOpenAIExecutor(key)) in KDoc only. */
class Lookalikes(private val http: HttpClient) {
    suspend fun fetch() = http.get("https://chat.example.com/api/messages")

    fun run() {
        val client = OpenAI(token = "not a key")
        val agent = AIAgent("support")
        val chat = ChatClient.builder().build()
        // new OpenAiChatModel.builder().modelName("gpt-4o") in a comment
        val note = "OPENAI_API_KEY is documented in the README"
        val template = "${client.token} and OPENAI_API_KEY"
        agent.run(note + template)
    }
}
