package com.acme.support.negatives;

/** The project's own builder, named like Azure's: declared here, imported from nowhere. */
class LocalClientBuilder {
  static final class OpenAIClientBuilder {
    OpenAIClientBuilder endpoint(String endpoint) {
      return this;
    }

    Object buildClient() {
      return new Object();
    }
  }

  Object client = new OpenAIClientBuilder().endpoint("https://status.acme.internal").buildClient();
}
