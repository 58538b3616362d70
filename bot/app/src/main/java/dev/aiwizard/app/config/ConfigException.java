package dev.aiwizard.app.config;

import dev.aiwizard.core.WizardException;

/** A setting has a value the bot cannot use; the message names the setting and the environment variable. */
public final class ConfigException extends WizardException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
