/**
 * Who is calling the bot's API: the operator or a person with a personal API token. Tokens are kept only as hashes,
 * shown once, and checked against the store on every request, so a revoked token stops working at once on every
 * replica.
 * The web pages' sessions ({@link dev.aiwizard.core.access.WebSessionStore}) are kept the same way: by hash, in the
 * store every replica reads.
 */
package dev.aiwizard.core.access;
