package com.acme.koog

import ai.koog.agents.core.agent.AIAgent
import ai.koog.agents.core.tools.ToolRegistry
import ai.koog.agents.core.tools.annotations.LLMDescription
import ai.koog.agents.core.tools.annotations.Tool
import ai.koog.agents.core.tools.reflect.ToolSet
import ai.koog.prompt.executor.clients.openai.OpenAIModels
import ai.koog.prompt.executor.llms.all.simpleOpenAIExecutor

@LLMDescription("Tools for the weather")
// expect: tool koog
class WeatherTools : ToolSet {
    // expect: tool koog
    @Tool
    @LLMDescription("Current weather in a city")
    fun weather(city: String): String = "sunny in $city"
}

suspend fun main() {
    // expect: env-var openai
    val apiKey = System.getenv("OPENAI_API_KEY")
    // expect: agent koog
    val agent = AIAgent(
        // expect: sdk-client koog
        promptExecutor = simpleOpenAIExecutor(apiKey),
        systemPrompt = "You are a weather assistant.",
        llmModel = OpenAIModels.Chat.GPT4o,
        toolRegistry = ToolRegistry { tools(WeatherTools()) },
    ) {
        install(EventHandler) { onToolCall { println("tool") } }
    }
    println(agent.run("Weather in Paris?"))
}
