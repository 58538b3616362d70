/**
 * Jobs asked for whole rather than in a chat (the job API, later a web form): the interview run without questions,
 * with the defaults said, approval, the per-person limit, and identical requests answered from earlier ones.
 */
package dev.aiwizard.core.request;
