package dev.wraith.correlate;

/**
 * Why a runtime subject is a code unit.
 *
 * @param rule entry-script, manifest-workload or built-image: the matching rule, most specific first
 * @param detail the plain-language join, e.g. "entry script /app/triage/agent.py is services/x/triage/agent.py"
 */
record Match(CodeUnit unit, String rule, String detail) {}
