package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.catalogue.Maturity;
import dev.wraith.catalogue.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SignatureIndexTest {
  @Test
  void ownersAreTheSignaturesThatOwnTheNameInCatalogueOrder() {
    List<Signature> sigs = List.of(sig("a", "openai"), sig("b", "openai/helpers", "langchain"), sig("c", "openai"), sig("d", ""));
    SignatureIndex idx = new SignatureIndex(sigs);
    assertThat(ids(idx.owners("openai().chat.completions.create"))).containsExactly("a", "c");
    assertThat(ids(idx.owners("openai/helpers.zod"))).containsExactly("a", "b", "c");
    assertThat(ids(idx.owners("openaix.Client"))).isEmpty();
    assertThat(ids(idx.owners("langchain"))).containsExactly("b");
    assertThat(ids(idx.owners(".x"))).containsExactly("d");
    assertThat(ids(idx.owners(""))).containsExactly("d");
  }

  /** The index answers what asking every signature would, for every module of the bundled catalogue and its variations. */
  @Test
  void agreesWithAskingEverySignature() {
    Catalogue cat = CatalogueLoader.bundled();
    Random rnd = new Random(11);
    for (Ecosystem e : Ecosystem.values()) {
      List<Signature> sigs = cat.signatures().stream().filter(s -> s.ecosystem() == e).toList();
      SignatureIndex idx = new SignatureIndex(sigs);
      List<String> names = new ArrayList<>();
      for (Signature s : sigs) {
        for (String m : s.modules()) {
          names.add(m);
          for (String tail : List.of(".X", "/y.z", "().a.b", "x", "-core", "(", "\\Chat\\Y")) names.add(m + tail);
          if (m.length() > 2) names.add(m.substring(0, rnd.nextInt(m.length())));
        }
      }
      for (String name : names) {
        List<Signature> expected = sigs.stream().filter(s -> s.ownsModule(name)).toList();
        assertThat(idx.owners(name)).as(e + " " + name).containsExactlyElementsOf(expected);
      }
    }
  }

  private static Signature sig(String id, String... modules) {
    return new Signature(id, id, Signature.Type.SDK, Ecosystem.NPM, "", Maturity.STABLE, List.of(), List.of(modules),
        List.of(id + "-trigger"), List.of(), true);
  }

  private static List<String> ids(List<Signature> sigs) {
    return sigs.stream().map(Signature::id).toList();
  }
}
