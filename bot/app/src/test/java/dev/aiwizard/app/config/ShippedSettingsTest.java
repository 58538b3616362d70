package dev.aiwizard.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aiwizard.core.conversation.ConversationSettings;
import dev.aiwizard.core.testing.ShippedSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The modules' tests use {@link ShippedSettings} for "the defaults"; those must be what application.yaml ships. */
class ShippedSettingsTest {
    private final AppSettings.Engine shipped = SettingsLoader.load(Map.of()).engine();

    @Test
    void theConversationLimitsTestsUseAreTheOnesApplicationYamlShips() {
        ConversationSettings expected = ShippedSettings.conversation();
        ConversationSettings actual = shipped.conversation();

        assertEquals(expected.maxQuestions(), actual.maxQuestions());
        assertEquals(expected.maxIdeaLength(), actual.maxIdeaLength());
        assertEquals(expected.generationsPerHour(), actual.generationsPerHour());
        assertEquals(expected.conversationsPerHour(), actual.conversationsPerHour());
        assertEquals(expected.lockWait(), actual.lockWait());
        assertEquals(expected.allowedModels(), actual.allowedModels());
        assertEquals(expected.targets(), actual.targets());
    }

    @Test
    void theSandboxLimitsTestsUseAreTheOnesApplicationYamlShips() {
        assertEquals(ShippedSettings.sandboxLimits(), SettingsLoader.load(Map.of()).validation().sandbox().limits());
    }

    @Test
    void theProjectLimitsTestsUseAreTheOnesApplicationYamlShips() {
        assertEquals(ShippedSettings.projectLimits(), shipped.jobs().limits());
    }
}
