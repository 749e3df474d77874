dependencies {
    // expect: dependency openai-kotlin
    implementation("com.aallam.openai:openai-client:4.0.1")
    // expect: dependency koog
    implementation("ai.koog:koog-agents:0.5.0")
    implementation("io.ktor:ktor-client-okhttp:3.2.2")
}
