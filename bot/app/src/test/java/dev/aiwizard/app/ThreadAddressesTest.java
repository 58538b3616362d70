package dev.aiwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiwizard.core.chat.ThreadRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThreadAddressesTest {
    @Test
    void aSlackThreadOpensItsChannelThroughSlacksDeepLink() {
        assertEquals(Optional.of("https://slack.com/app_redirect?channel=C42"),
                ThreadAddresses.link(new ThreadRef("slack", "C42", "1700000000.0001"), true, null));
    }

    @Test
    void aDiscordThreadHasAnAddressOnlyWhenTheGuildIsKnown() {
        ThreadRef thread = new ThreadRef("discord", "111", "222");

        assertEquals(Optional.of("https://discord.com/channels/999/222"), ThreadAddresses.link(thread, false, "999"));
        assertTrue(ThreadAddresses.link(thread, false, null).isEmpty());
    }

    @Test
    void aPlatformThatIsNotConfiguredOrHasNoAddressIsNotLinked() {
        assertTrue(ThreadAddresses.link(new ThreadRef("slack", "C42", "1"), false, null).isEmpty());
        assertTrue(ThreadAddresses.link(new ThreadRef("web", "c-abcd", "1"), true, "9").isEmpty());
    }
}
