package dev.aiwizard.storage;

import dev.aiwizard.core.access.ApiToken;
import dev.aiwizard.core.access.WebSession;
import dev.aiwizard.core.conversation.Conversation;
import dev.aiwizard.core.conversation.StoredMessage;
import dev.aiwizard.core.job.GeneratedFile;
import dev.aiwizard.core.job.GeneratedProject;
import dev.aiwizard.core.job.Job;
import dev.aiwizard.core.job.ModelUsage;
import io.helidon.dbclient.DbMapper;
import io.helidon.dbclient.spi.DbMapperProvider;
import java.util.Map;
import java.util.Optional;

/** Hands Helidon DB Client the one mapper of each stored record; registered by hand, not by service loading. */
final class StorageMappers implements DbMapperProvider {
    private final Map<Class<?>, DbMapper<?>> mappers = Map.of(
            Conversation.class, new ConversationMapper(),
            StoredMessage.class, new StoredMessageMapper(),
            Job.class, new JobMapper(),
            GeneratedFile.class, new GeneratedFileMapper(),
            GeneratedProject.class, new GeneratedProjectMapper(),
            ModelUsage.class, new ModelUsageMapper(),
            ApiToken.class, new ApiTokenMapper(),
            WebSession.class, new WebSessionMapper());

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<DbMapper<T>> mapper(Class<T> type) {
        return Optional.ofNullable((DbMapper<T>) mappers.get(type));
    }
}
