package dev.wraith.model;

/**
 * The file an interpreter runs (python script, node module, java -jar archive), as the process sees it.
 *
 * @param path the path in the process's mount namespace, made absolute against its working directory
 * @param sha256 the hex SHA-256 of the file's bytes, or "" when it could not be read (the reason is in {@code note})
 * @param note why the hash is missing, or ""
 */
public record EntryScript(String path, String sha256, String note) {}
