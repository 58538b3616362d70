package dev.aiwizard.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetSettingsTest {
    @Test
    void noOtherTargetIsAllowedUnlessListed() {
        assertEquals(List.of(), SettingsLoader.load(Map.of()).delivery().allowedTargets());
        assertEquals(List.of("https://github.com/acme/*", "/srv/git/shared.git"), SettingsLoader.load(Map.of(
                "WIZARD_ALLOWED_TARGETS", " https://github.com/acme/* , /srv/git/shared.git,")).delivery().allowedTargets());
    }
}
