import com.aallam.openai.api.chat.ChatCompletionRequest
import com.aallam.openai.api.chat.ChatMessage
import com.aallam.openai.api.model.ModelId
import com.aallam.openai.client.OpenAI
import com.aallam.openai.client.OpenAIHost

suspend fun main() {
    // expect: sdk-client openai-kotlin
    val openai = OpenAI(token = System.getenv("ACME_TOKEN"), host = OpenAIHost(baseUrl = "https://gateway.acme.internal/v1/"))
    val request = ChatCompletionRequest(model = ModelId("gpt-4o"), messages = listOf(ChatMessage.User("Hello")))
    println(openai.chatCompletion(request).choices.first().message.content)
    // expect: ai-endpoint openai
    val direct = "https://api.openai.com/v1/chat/completions"
    val templated = "https://${'$'}host/v1"
}
