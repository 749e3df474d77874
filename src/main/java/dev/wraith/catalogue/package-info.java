/**
 * Loads and validates the versioned detection catalogue (providers, SDK and framework signatures, rules)
 * from YAML data, bundled and user overlay alike. Everything wraith knows about AI lives here as data.
 */
package dev.wraith.catalogue;
