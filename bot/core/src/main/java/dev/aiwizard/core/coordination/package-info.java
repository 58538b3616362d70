/** The coordination port: seen-event deduplication, per-user rate limits and per-conversation locks. */
package dev.aiwizard.core.coordination;
