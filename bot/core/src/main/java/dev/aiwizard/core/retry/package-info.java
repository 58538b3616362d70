/**
 * How the bot waits for and tries again a remote service that failed or asked it to slow down: one retry policy, one
 * reading of {@code Retry-After}, one sleeper that tests replace.
 */
package dev.aiwizard.core.retry;
