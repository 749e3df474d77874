/**
 * The one redactor: what wraith may show of an argument list, a free text or a URL, by the rules of
 * {@code catalogue/secrets.yaml}. Every layer and every writer of user output uses it; it depends on the catalogue only.
 */
package dev.wraith.redact;
