/**
 * The coordination port (seen-event deduplication, per-user rate limits, per-conversation locks, thread sets) and
 * its single-node implementation, which needs nothing but the JDK, so the engine's own tests run on the real thing.
 */
package dev.aiwizard.core.coordination;
