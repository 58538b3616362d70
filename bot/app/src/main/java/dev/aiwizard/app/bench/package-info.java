/** Benchmarks run by {@code ./wizard bench}; results are recorded in {@code docs/performance.md}. */
package dev.aiwizard.app.bench;
