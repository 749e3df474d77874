Gem::Specification.new do |spec|
  spec.name = "assistant"
  spec.version = "0.1.0"
  # expect: dependency openai-ruby
  spec.add_dependency "openai", "~> 0.10"
  spec.add_runtime_dependency "zeitwerk"
  # expect: dependency mcp-ruby
  spec.add_development_dependency("mcp", ">= 0.1")
end
