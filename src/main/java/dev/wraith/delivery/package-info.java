/**
 * Opt-in delivery of the OCSF findings to an HTTP endpoint (Splunk HEC or a generic webhook): a bounded queue,
 * batches, retries with exponential backoff within a deadline, and a result that counts what was delivered, failed and
 * dropped. The token is held as a {@link dev.wraith.delivery.Secret} and never appears in a message.
 */
package dev.wraith.delivery;
