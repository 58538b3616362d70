/**
 * The bot's own HTTP endpoints: the read-only REST API ({@code /api/v1}: conversations, jobs and their files, JSON
 * errors in one shape), health, and who may see what ({@code ApiAccess}).
 */
package dev.aiwizard.app.api;
