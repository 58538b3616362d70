package dev.aiwizard.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aiwizard.core.conversation.ConversationSettings;
import dev.aiwizard.core.testing.ShippedSettings;
import dev.aiwizard.generator.llm.LlmSettings;
import dev.aiwizard.generator.llm.Provider;
import dev.aiwizard.generator.testing.LlmTestSettings;
import dev.aiwizard.git.testing.GitTestSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The modules' tests take "the defaults" from fixtures with the values written out ({@link ShippedSettings},
 * {@link GitTestSettings}, {@link LlmTestSettings}); those must be what application.yaml ships.
 */
class ShippedSettingsTest {
    private final AppSettings loaded = SettingsLoader.load(Map.of("WIZARD_DATA_DIR", "data"));
    private final AppSettings.Engine shipped = loaded.engine();

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

    @Test
    void theDeliverySettingsTestsUseAreTheOnesApplicationYamlShips() {
        var git = GitTestSettings.local(Path.of("data"));
        assertEquals(git.defaultTarget(), loaded.delivery().target());
        assertEquals(git.authorName(), loaded.delivery().authorName());
        assertEquals(git.authorEmail(), loaded.delivery().authorEmail());
        assertEquals(GitTestSettings.gitHub(), loaded.delivery().github());
    }

    @Test
    void theModelLimitsTestsUseAreTheOnesApplicationYamlShips() {
        LlmSettings expected = LlmTestSettings.of(Provider.OFFLINE, null, null, null);
        LlmSettings actual = shipped.llm();

        assertEquals(expected, actual);
    }
}
