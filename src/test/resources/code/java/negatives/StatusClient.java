package com.acme.support.status;

import com.acme.support.agent.Agent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Polls the status page. Unlike the OpenAI integration (api.openai.com), this only talks to our own host. */
class StatusClient {
  private static final String userAgent = "acme-status/2.1";
  private final HttpClient http = HttpClient.newHttpClient();

  boolean healthy() throws Exception {
    String agent = userAgent;
    HttpRequest request = HttpRequest.newBuilder(URI.create("https://status.example.com/health"))
        .header("User-Agent", agent)
        .build();
    Agent assignee = new Agent("ops");
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
  }
}
