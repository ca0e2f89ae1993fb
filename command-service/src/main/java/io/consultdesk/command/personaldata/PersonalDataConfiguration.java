package io.consultdesk.command.personaldata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Base64;

/** The vault lives beside the event store; its master key comes from configuration. */
@Configuration
public class PersonalDataConfiguration {

    @Bean
    public PersonalDataVault personalDataVault(MongoClient client,
                                               @Value("${consultdesk.event-store.database:consultdesk_events}") String database,
                                               @Value("${consultdesk.personal-data.master-key}") String masterKey,
                                               ObjectMapper json, Clock clock) {
        return new PersonalDataVault(client.getDatabase(database), Base64.getDecoder().decode(masterKey), json, clock);
    }

    @Bean
    public KeyErasures keyErasures(MongoClient client, PersonalDataVault vault,
                                   @Value("${consultdesk.event-store.database:consultdesk_events}") String database, Clock clock) {
        return new KeyErasures(client.getDatabase(database), vault, clock);
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
