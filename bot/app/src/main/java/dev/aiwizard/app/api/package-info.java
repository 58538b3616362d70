/** The read-only REST API ({@code /api/v1}): conversations, jobs and their files, JSON errors in one shape. */
package dev.aiwizard.app.api;
