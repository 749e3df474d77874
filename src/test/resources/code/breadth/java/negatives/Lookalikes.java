package com.acme.support;

import com.acme.search.SearchClientBuilder;
import com.acme.ai.AIAgent;
import org.springframework.data.redis.core.RedisTemplate;

class Lookalikes {
  void wire() {
    var search = new SearchClientBuilder().build();
    var agent = AIAgent.builder().build();
    RedisTemplate<String, String> redis = new RedisTemplate<>();
  }
}
