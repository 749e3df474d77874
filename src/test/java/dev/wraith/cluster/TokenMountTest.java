package dev.wraith.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenMountTest {
  static final PodSpec PLAIN = new PodSpecBuilder().build();
  static final Optional<ServiceAccount> OPTED_OUT =
      Optional.of(new ServiceAccountBuilder().withNewMetadata().withName("sa").endMetadata().withAutomountServiceAccountToken(false).build());

  @Test
  void theDefaultIsAutomounted() {
    assertThat(TokenMount.of(PLAIN, Optional.empty(), true)).isEqualTo(new TokenMount(true, "token automounted (default)"));
  }

  @Test
  void theServiceAccountCanOptOutAndThePodOverridesIt() {
    assertThat(TokenMount.of(PLAIN, OPTED_OUT, true)).isEqualTo(new TokenMount(false, "token not automounted (ServiceAccount)"));
    PodSpec optIn = new PodSpecBuilder().withAutomountServiceAccountToken(true).build();
    assertThat(TokenMount.of(optIn, OPTED_OUT, true)).isEqualTo(new TokenMount(true, "token automounted (pod spec)"));
    PodSpec optOut = new PodSpecBuilder().withAutomountServiceAccountToken(false).build();
    assertThat(TokenMount.of(optOut, Optional.empty(), true).mounted()).isFalse();
  }

  @Test
  void aHandWrittenProjectedTokenCountsEvenWhenAutomountIsOff() {
    PodSpec projected = new PodSpecBuilder().withAutomountServiceAccountToken(false)
        .addNewVolume().withName("vault-token").withNewProjected().addNewSource().withNewServiceAccountToken()
        .withPath("token").withAudience("vault").endServiceAccountToken().endSource().endProjected().endVolume().build();
    assertThat(TokenMount.of(projected, Optional.empty(), true))
        .isEqualTo(new TokenMount(true, "token mounted by projected volume vault-token"));
  }

  @Test
  void unreadableServiceAccountsAreSaidSo() {
    TokenMount t = TokenMount.of(PLAIN, Optional.empty(), false);
    assertThat(t.mounted()).isTrue();
    assertThat(t.annotate("can read secrets")).isEqualTo("can read secrets; token automounted unless the ServiceAccount opts out (not readable)");
  }
}
