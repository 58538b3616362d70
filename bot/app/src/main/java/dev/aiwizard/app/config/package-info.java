/**
 * Reads {@code application.yaml}, an optional file and the environment into one configuration tree and binds the
 * settings records each module takes from its section.
 */
package dev.aiwizard.app.config;
