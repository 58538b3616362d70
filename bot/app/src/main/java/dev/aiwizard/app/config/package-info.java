/** Reads {@code application.yaml} and the environment into the settings records each module takes. */
package dev.aiwizard.app.config;
