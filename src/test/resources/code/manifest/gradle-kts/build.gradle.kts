plugins {
    kotlin("jvm") version "2.0.21"
    application
}

val anthropicVersion = "1.0.0"

dependencies {
    implementation(platform("dev.langchain4j:langchain4j-bom:1.0.0"))
    // expect: dependency langchain4j
    implementation("dev.langchain4j:langchain4j")
    // expect: dependency anthropic-java
    implementation(group = "com.anthropic", name = "anthropic-java", version = anthropicVersion)
    // expect: dependency google-genai-java
    "implementation"("com.google.genai:google-genai:1.0.0")
    // expect: dependency mcp-java
    runtimeOnly("io.modelcontextprotocol.sdk:mcp:0.10.0")
    testImplementation(kotlin("test"))
}
