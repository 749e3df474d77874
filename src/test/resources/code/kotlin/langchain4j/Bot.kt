package com.acme.bot

import dev.langchain4j.agent.tool.Tool
import dev.langchain4j.model.anthropic.AnthropicChatModel
import dev.langchain4j.model.openai.OpenAiChatModel
import dev.langchain4j.service.AiServices

interface Bot {
    fun chat(message: String): String
}

class Calculator {
    // expect: tool langchain4j
    @Tool("Adds two numbers")
    fun add(a: Int, b: Int): Int = a + b
}

fun bot(): Bot {
    // expect: sdk-client langchain4j
    val model = OpenAiChatModel.builder()
        .apiKey(System.getenv("ACME_KEY"))
        .modelName("gpt-4o-mini")
        .temperature(0.2)
        .build()
    // expect: agent langchain4j
    return AiServices.builder(Bot::class.java).chatModel(model).tools(Calculator()).build()
}

// expect: sdk-client langchain4j
val claude = AnthropicChatModel.builder().apiKey("k").modelName("claude-sonnet-4-5").build()
