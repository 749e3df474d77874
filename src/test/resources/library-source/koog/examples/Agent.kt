// unit: agent examples
package ai.koog.examples

import ai.koog.agents.core.agent.AIAgent
import ai.koog.prompt.executor.llms.all.simpleOpenAIExecutor

suspend fun main() {
    val agent = AIAgent(executor = simpleOpenAIExecutor(System.getenv("OPENAI_API_KEY")), systemPrompt = "Be brief.")
    agent.run("hello")
}
