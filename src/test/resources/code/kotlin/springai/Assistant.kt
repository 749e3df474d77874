package com.acme.support

import org.springframework.ai.chat.client.ChatClient
import org.springframework.ai.openai.OpenAiChatModel
import org.springframework.ai.openai.api.OpenAiApi
import org.springframework.ai.tool.annotation.Tool
import org.springframework.ai.vectorstore.pgvector.PgVectorStore
import org.springframework.stereotype.Service

@Service
class Assistant(builder: ChatClient.Builder, private val store: PgVectorStore) {
    // expect: agent spring-ai
    private val chat = builder.defaultSystem("You answer billing questions.").build()

    fun ask(q: String): String? = chat.prompt().user(q).call().content()

    // expect: tool spring-ai
    @Tool(description = "Refund an invoice")
    fun refund(invoiceId: String) = "refunded $invoiceId"
}

fun manual(key: String): ChatClient {
    // expect: sdk-client spring-ai
    val model = OpenAiChatModel.builder().openAiApi(OpenAiApi.builder().apiKey(key).build()).build()
    // expect: agent spring-ai
    return ChatClient.create(model)
}
