/**
 * Durable storage and coordination for the bot: conversation and job stores, the generation cache and the usage
 * ledger on Helidon DB Client (PostgreSQL or an embedded H2 file), and coordination in-process or on Redis.
 * {@link dev.aiwizard.storage.Storage} is the way in.
 */
package dev.aiwizard.storage;
