/**
 * Configuration files: Spring Boot style application config (also read by Quarkus and Micronaut) against the
 * catalogue's {@code configKeys}, and {@code .env} templates. Only key and variable names, model names and
 * endpoints are kept; values are matched, never recorded.
 */
package dev.wraith.code.config;
