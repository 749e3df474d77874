package dev.wraith.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code mcpClients} and {@code mcpPublishers} sections, as strictly as {@link Entries} reads the rest. */
final class McpEntries {
  private static final Set<String> CLIENT_KEYS = Set.of("id", "name", "scope", "format", "paths", "keys");
  private static final Set<String> PUBLISHER_KEYS = Set.of("id", "name", "publisher", "npm", "pypi", "images", "hosts");
  private static final Pattern REL_PATH = Pattern.compile("[A-Za-z0-9._ -]+(/[A-Za-z0-9._ -]+)*");
  private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
  private static final Pattern NPM = Pattern.compile("(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*");
  private static final Pattern PYPI = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");

  private final Entries e;

  McpEntries(Entries e) {
    this.e = e;
  }

  /** Paths must stay inside their root (relative, no {@code ..}); keys must be non-empty dot paths. */
  Optional<McpClient> client(JsonNode n) {
    String id = e.required(n, "id");
    e.keys(n, CLIENT_KEYS, id);
    if (!n.has("scope")) e.problem(id, "missing 'scope'");
    McpClient.Scope scope = e.enumValue(n, "scope", id, McpClient.Scope.class, McpClient.Scope.HOME);
    McpClient.Format format = e.enumValue(n, "format", id, McpClient.Format.class, McpClient.Format.JSON);
    List<String> paths = e.strings(n, "paths");
    for (String p : paths) {
      if (!REL_PATH.matcher(p).matches() || List.of(p.split("/")).contains("..")) e.problem(id, "path '" + p + "' is not a relative path inside its root");
    }
    List<String> keys = e.strings(n, "keys");
    for (String k : keys) if (List.of(k.split("\\.", -1)).contains("")) e.problem(id, "key '" + k + "' has an empty segment");
    if (paths.isEmpty()) e.problem(id, "needs paths");
    if (keys.isEmpty()) e.problem(id, "needs keys");
    return Optional.of(new McpClient(id, e.text(n, "name", id), scope, format, paths, keys));
  }

  /** Names must be well-formed for their ecosystem, so a typo in the catalogue cannot verify nothing silently. */
  Optional<McpPublisher> publisher(JsonNode n) {
    String id = e.required(n, "id");
    e.keys(n, PUBLISHER_KEYS, id);
    List<String> npm = checked(n, "npm", id, NPM);
    List<String> pypi = checked(n, "pypi", id, PYPI);
    List<String> images = e.strings(n, "images");
    for (String i : images) if (!i.equals(ImageName.repository(i)) || i.endsWith("/*")) e.problem(id, "image '" + i + "' is not a lower-case repository without tag, digest or wildcard");
    List<String> hosts = checked(n, "hosts", id, HOST);
    if (npm.isEmpty() && pypi.isEmpty() && images.isEmpty() && hosts.isEmpty()) e.problem(id, "needs npm, pypi, images or hosts");
    return Optional.of(new McpPublisher(id, e.text(n, "name", id), e.text(n, "publisher", id), npm, pypi,
        images, hosts));
  }

  private List<String> checked(JsonNode n, String key, String id, Pattern shape) {
    List<String> out = e.strings(n, key);
    for (String s : out) if (!shape.matcher(s).matches()) e.problem(id, key + " '" + s + "' is not a valid name");
    return out;
  }
}
