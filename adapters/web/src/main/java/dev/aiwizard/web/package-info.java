/**
 * The browser as a surface of the bot: pages rendered on the server from templates compiled at build time, one
 * small script for live updates, sign-in with GitHub (or the single local user), sessions and CSRF tokens, and the
 * web's chat port. Depends on the core only; the bot's own web server serves it.
 */
package dev.aiwizard.web;
