group = "ai.koog"
version = "0.5.0"

tasks.register("publishAll") {
    group = "publishing"
}
