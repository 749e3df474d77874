// unit: library prompt-executor-openai-client (koog)
package ai.koog.prompt.executor.clients.openai

import ai.koog.prompt.executor.llms.all.simpleOpenAIExecutor

fun executor() = simpleOpenAIExecutor(System.getenv("OPENAI_API_KEY"))
