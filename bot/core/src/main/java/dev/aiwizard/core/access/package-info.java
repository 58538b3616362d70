/**
 * Who is calling the bot's API: the operator or a person with a personal API token. Tokens are kept only as hashes,
 * shown once, and checked against the store on every request, so a revoked token stops working at once on every
 * replica.
 */
package dev.aiwizard.core.access;
