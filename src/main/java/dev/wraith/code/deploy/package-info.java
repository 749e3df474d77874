/**
 * Deployment identity: how the scanned code is shipped (Dockerfiles, Kubernetes manifests, Helm charts,
 * Kustomize, Docker Compose), as {@code Deployment} records a later step joins to running workloads, plus
 * the AI environment variable names and endpoints those files declare. Values of variables never leave here.
 */
package dev.wraith.code.deploy;
