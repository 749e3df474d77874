package dev.wraith.scan;

import dev.wraith.model.ClusterScan;
import dev.wraith.model.McpScan;
import dev.wraith.model.TetragonScan;
import java.util.List;

/**
 * A layer's name (as statuses, {@code --skip-layers}, progress and reports spell it) and the type of what it produces:
 * the typed key under which {@link ScanAll.Result} holds the layer's result, so a result is never cast back by class.
 * A record rather than an enum because the key carries its result type (an enum cannot be generic) and because a new
 * layer declares its own id beside its class, without editing a shared list.
 *
 * @param name kebab-case; {@code state} is reserved for the state database's status ({@link ScanAllPipeline#STATE_LAYER})
 */
public record LayerId<R>(String name, Class<R> resultType) {
  public static final LayerId<CodeLayer.Scanned> CODE = new LayerId<>("code", CodeLayer.Scanned.class);
  public static final LayerId<ClusterScan> CLUSTER = new LayerId<>("cluster", ClusterScan.class);
  public static final LayerId<HostLayer.Observed> HOST = new LayerId<>("host", HostLayer.Observed.class);
  public static final LayerId<TetragonScan> TETRAGON = new LayerId<>("tetragon", TetragonScan.class);
  public static final LayerId<McpScan> MCP = new LayerId<>("mcp", McpScan.class);

  /** The built-in layers, in report order. */
  public static final List<LayerId<?>> BUILT_IN = List.of(CODE, CLUSTER, HOST, TETRAGON, MCP);

  public LayerId {
    if (name == null || !name.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("layer name '" + name + "': kebab-case");
    if (name.equals(ScanAllPipeline.STATE_LAYER)) throw new IllegalArgumentException("layer name 'state' is reserved");
    if (resultType == null) throw new NullPointerException("a layer id names its result type");
  }

  /** {@code value} as this layer's result; fails loudly if a layer returned something else. */
  R cast(Object value) {
    return resultType.cast(value);
  }

  @Override
  public String toString() {
    return name;
  }
}
