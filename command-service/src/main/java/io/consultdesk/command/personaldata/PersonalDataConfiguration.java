package io.consultdesk.command.personaldata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Base64;

/** The vault lives beside the event store; its master key comes from configuration. */
@Configuration
public class PersonalDataConfiguration {

    @Bean
    public PersonalDataVault personalDataVault(MongoDatabase eventDatabase,
                                               @Value("${consultdesk.personal-data.master-key}") String masterKey,
                                               ObjectMapper json, Clock clock) {
        return new PersonalDataVault(eventDatabase, Base64.getDecoder().decode(masterKey), json, clock);
    }

    @Bean
    public KeyErasures keyErasures(MongoDatabase eventDatabase, PersonalDataVault vault, Clock clock) {
        return new KeyErasures(eventDatabase, vault, clock);
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
