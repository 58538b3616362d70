/**
 * The offline code generator: renders a complete project (code, tests, docs) for a spec from the built-in stack
 * templates under {@code resources/dev/aiwizard/generator/offline}, one folder per stack (java-rest, node-express),
 * and validates its output.
 */
package dev.aiwizard.generator.offline;
